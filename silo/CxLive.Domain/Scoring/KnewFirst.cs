namespace CxLive.Domain.Scoring;

/// <summary>
/// "Knew first" (SCORING.md 3): had CxLive flagged the customer (disrupted or degraded) before a complaint or detractor
/// arrived, and by how long. A flag qualifies when
/// <code>
/// Start &lt; feedbackAt                                   it was raised before the feedback
/// End is null or End > feedbackAt - lookback            still open then, or closed less than lookback before it
/// Touchpoint == touchpoint                              only when the feedback names a touchpoint
/// </code>
/// and the lead time is <c>feedbackAt - Start</c> of the most recent qualifying flag (the conservative choice when
/// several overlap); null when none qualifies.
/// </summary>
public static class KnewFirst
{
    public const string Disrupted = "disrupted";
    public const string Degraded = "degraded";
    public const string Recovered = "recovered";
    public const string DegradedCleared = "degraded-cleared";

    public static TimeSpan? LeadTime(IEnumerable<FlagInterval> flags, DateTimeOffset feedbackAt, string? touchpoint, TimeSpan lookback)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var since = feedbackAt - lookback;
        DateTimeOffset? latest = null;
        foreach (var flag in flags)
        {
            var qualifies = flag.Start < feedbackAt
                && (flag.End is not { } end || end > since)
                && (string.IsNullOrEmpty(touchpoint) || string.Equals(flag.Touchpoint, touchpoint, StringComparison.Ordinal));
            if (qualifies && (latest is null || flag.Start > latest))
            {
                latest = flag.Start;
            }
        }

        return feedbackAt - latest;
    }

    /// <summary>
    /// Flag intervals from a customer's timeline, in order of time: "disrupted" and "degraded" open a flag on their
    /// touchpoint, "recovered" closes the open "disrupted" one and "degraded-cleared" the open "degraded" one of the same
    /// touchpoint. An opening while the same flag is open, a closing without an open flag, other kinds and entries
    /// without a touchpoint are ignored. Flags still open have a null end. Sorted by start.
    /// </summary>
    public static IReadOnlyList<FlagInterval> FromTimeline(IEnumerable<(DateTimeOffset At, string Kind, string? Touchpoint)> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var open = new Dictionary<(string Touchpoint, string Kind), DateTimeOffset>();
        var intervals = new List<FlagInterval>();
        foreach (var (at, kind, touchpoint) in timeline.OrderBy(e => e.At))
        {
            if (string.IsNullOrEmpty(touchpoint))
            {
                continue;
            }

            switch (kind)
            {
                case Disrupted or Degraded:
                    open.TryAdd((touchpoint, kind), at);
                    break;
                case Recovered:
                    Close(open, intervals, touchpoint, Disrupted, at);
                    break;
                case DegradedCleared:
                    Close(open, intervals, touchpoint, Degraded, at);
                    break;
                default:
                    break;
            }
        }

        intervals.AddRange(open.Select(o => new FlagInterval(o.Value, null, o.Key.Touchpoint, o.Key.Kind)));
        return [.. intervals.OrderBy(i => i.Start)];
    }

    private static void Close(Dictionary<(string, string), DateTimeOffset> open, List<FlagInterval> intervals, string touchpoint, string kind, DateTimeOffset at)
    {
        if (open.Remove((touchpoint, kind), out var start))
        {
            intervals.Add(new FlagInterval(start, at, touchpoint, kind));
        }
    }
}
