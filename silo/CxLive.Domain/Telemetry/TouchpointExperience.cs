namespace CxLive.Domain.Telemetry;

/// <summary>
/// What one customer lives through on one touchpoint (SCORING.md 1): the slot window, the disruption verdict with its
/// hysteresis, and the baseline of their own past with the <c>degraded</c> verdict. A customer grain holds one per
/// touchpoint, records counts as they come, and evaluates on arrival and on its timer.
/// </summary>
public sealed class TouchpointExperience
{
    private readonly TelemetryOptions _options;
    private readonly DisruptionRule _rule;
    private SlotWindow _window;
    private ExperienceBaseline _baseline;
    // One of these lives per customer x touchpoint, so its fields are plain: unix milliseconds with a sentinel instead
    // of DateTimeOffset? (8 bytes instead of 24), NaN instead of double? (8 instead of 16).
    private const long NotDisrupted = long.MinValue;
    private long _disruptedSinceMs = NotDisrupted;
    private bool _degraded;
    private long _minute = long.MinValue;
    private double _minuteMedianSum;
    private int _minuteMedianCount;
    private double _lastMedian = double.NaN;

    public TouchpointExperience(TelemetryOptions options, DisruptionRule rule)
    {
        _options = options;
        _rule = rule;
        _window = new SlotWindow(options);
        _baseline = new ExperienceBaseline(options);
    }

    public bool Disrupted => _disruptedSinceMs != NotDisrupted;

    public DateTimeOffset? DisruptedSince => Disrupted ? DateTimeOffset.FromUnixTimeMilliseconds(_disruptedSinceMs) : null;

    public bool Degraded => _degraded;

    /// <summary>Traffic within the long window: the customer counts as active on this touchpoint.</summary>
    public bool Active { get; private set; }

    /// <summary>The short-window counts at <paramref name="now"/> (what the verdict is judged on).</summary>
    public WindowCounts ShortWindow(DateTimeOffset now) => _window.ShortWindow(_options.SlotIndexOf(now));

    public ExperienceBaseline Baseline => _baseline;

    public double? MedianLatencyMs => double.IsNaN(_lastMedian) ? null : _lastMedian;

    public SlotWindow Window => _window;

    /// <summary>Adds a slot's counts; false when the slot is older than anything kept.</summary>
    public bool Record(long slot, int total, int errors, int slow) => _window.Add(slot, total, errors, slow);

    /// <summary>Adds a batch's median latency to the current minute's estimate (mean of batch medians).</summary>
    public void RecordMedian(DateTimeOffset now, double medianLatencyMs)
    {
        RollMinute(now);
        _minuteMedianSum += medianLatencyMs;
        _minuteMedianCount++;
        _lastMedian = _minuteMedianSum / _minuteMedianCount;
    }

    /// <summary>Re-judges at <paramref name="now"/>; says what changed so the grain can record and report it.</summary>
    public ExperienceChange Evaluate(DateTimeOffset now, double sloTarget)
    {
        RollMinute(now);
        var nowSlot = _options.SlotIndexOf(now);
        var shortWindow = _window.ShortWindow(nowSlot);
        var longWindow = _window.LongWindow(nowSlot);
        var wasDegraded = _degraded;
        var wasActive = Active;

        // Only DisruptedSince is state (DisruptionVerdict.Restore); the rest of the verdict goes back to the caller.
        var verdict = _rule.Evaluate(DisruptionVerdict.Restore(DisruptedSince), shortWindow, longWindow, sloTarget, now);
        _disruptedSinceMs = verdict.DisruptedSince?.ToUnixTimeMilliseconds() ?? NotDisrupted;
        _degraded = _baseline.Assess(shortWindow, _minuteMedianCount > 0 ? _lastMedian : null).IsDegraded;
        Active = longWindow.Total > 0;
        return new ExperienceChange(verdict.Transition, wasDegraded != _degraded, wasActive != Active) { Verdict = verdict };
    }

    /// <summary>Long-window counts at <paramref name="now"/> (events, bad ratio, SLI of the customer document).</summary>
    public WindowCounts LongWindow(DateTimeOffset now) => _window.LongWindow(_options.SlotIndexOf(now));

    /// <summary>When a minute is over, folds it into the baseline (its counts from the window, its median estimate).</summary>
    private void RollMinute(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (minute <= _minute)
        {
            return;
        }

        if (_minute != long.MinValue)
        {
            var slotsPerMinute = _options.SlotsPerMinute;
            var lastSlotOfMinute = ((_minute + 1) * 60 / _options.SlotSeconds) - 1;
            var counts = _window.Sum(lastSlotOfMinute, slotsPerMinute);
            _baseline.Observe(_minute, counts, _minuteMedianCount > 0 ? _minuteMedianSum / _minuteMedianCount : null);
        }

        _minute = minute;
        _minuteMedianSum = 0;
        _minuteMedianCount = 0;
    }

    /// <summary>Writes the state a restart needs; <see cref="ReadFrom"/> reads it back.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ExperienceCheckpoint.Write(writer, _window.ToState());
        writer.Write(_disruptedSinceMs);
        writer.Write(_degraded);
        writer.Write(Active);
        writer.Write(_baseline.BadRatio);
        writer.Write(_baseline.BadRatioMinutes);
        writer.Write(_baseline.MedianLatencyMs);
        writer.Write(_baseline.LatencyMinutes);
        writer.Write(_baseline.LastMinute ?? long.MinValue);
        writer.Write(_minute);
        writer.Write(_minuteMedianSum);
        writer.Write(_minuteMedianCount);
    }

    public static TouchpointExperience ReadFrom(BinaryReader reader, TelemetryOptions options, DisruptionRule rule)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var experience = new TouchpointExperience(options, rule)
        {
            _window = SlotWindow.FromState(options, ExperienceCheckpoint.ReadWindow(reader)),
        };
        experience._disruptedSinceMs = reader.ReadInt64();
        experience._degraded = reader.ReadBoolean();
        experience.Active = reader.ReadBoolean();
        var badRatio = reader.ReadDouble();
        var badRatioMinutes = reader.ReadInt32();
        var median = reader.ReadDouble();
        var latencyMinutes = reader.ReadInt32();
        var lastMinute = reader.ReadInt64();
        experience._baseline = new ExperienceBaseline(options, badRatio, badRatioMinutes, median, latencyMinutes, lastMinute == long.MinValue ? null : lastMinute);
        experience._minute = reader.ReadInt64();
        experience._minuteMedianSum = reader.ReadDouble();
        experience._minuteMedianCount = reader.ReadInt32();
        experience._lastMedian = experience._minuteMedianCount > 0 ? experience._minuteMedianSum / experience._minuteMedianCount : double.NaN;
        return experience;
    }
}
