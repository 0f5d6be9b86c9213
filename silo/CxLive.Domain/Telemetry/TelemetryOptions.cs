using System.ComponentModel.DataAnnotations;

namespace CxLive.Domain.Telemetry;

/// <summary>
/// Tunables for judging what a customer saw (SCORING.md sections 1 and 2), bound from the
/// <see cref="SectionName"/> configuration section and checked with <see cref="Validate"/> at startup.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>Width of one counting slot. Must divide 60 so slots roll cleanly into minutes.</summary>
    public int SlotSeconds { get; set; } = 10;

    /// <summary>Window the disruption verdict looks at.</summary>
    public int ShortWindowSeconds { get; set; } = 60;

    /// <summary>Window the fine ring of slots covers; also the "no traffic" recovery window and the KPI window.</summary>
    public int LongWindowSeconds { get; set; } = 600;

    /// <summary>Lowest disruption threshold on the bad ratio, whatever the SLO allows.</summary>
    public double DisruptionFloor { get; set; } = 0.05;

    /// <summary>Threshold = <c>max(DisruptionFloor, BurnFactor x (1 - sloTarget))</c>.</summary>
    public double BurnFactor { get; set; } = 10;

    /// <summary>Fewest interactions in the short window before a customer can be judged disrupted or degraded.</summary>
    public int MinEvents { get; set; } = 10;

    /// <summary>Normal quantile of the Wilson bounds; 1.96 is a two-sided 95% interval.</summary>
    public double ConfidenceZ { get; set; } = 1.96;

    /// <summary>Hysteresis: a disruption ends when the upper bound falls below <c>RecoveryFactor x threshold</c>.</summary>
    public double RecoveryFactor { get; set; } = 0.5;

    /// <summary>Half-life of the experience baseline EWMA, in observed minutes.</summary>
    public double BaselineHalfLifeMinutes { get; set; } = 30;

    /// <summary>Observed minutes (with traffic) before the baseline may call anything degraded.</summary>
    public int BaselineWarmupMinutes { get; set; } = 10;

    /// <summary>Degraded when the bad ratio exceeds <c>max(DegradedFactor x baseline, baseline + DegradedMargin)</c>.</summary>
    public double DegradedFactor { get; set; } = 3;

    /// <summary>Absolute part of the bad-ratio degraded rule (see <see cref="DegradedFactor"/>).</summary>
    public double DegradedMargin { get; set; } = 0.02;

    /// <summary>Degraded when the median latency exceeds <c>LatencyDegradedFactor x baseline median</c>.</summary>
    public double LatencyDegradedFactor { get; set; } = 2;

    /// <summary>Minutes of per-minute history kept behind the long window.</summary>
    public int MinutesHistory { get; set; } = 60;

    /// <summary>Hours of per-hour history kept behind the minute history (168 = a week).</summary>
    public int HoursHistory { get; set; } = 168;

    /// <summary>
    /// Longest time between checkpoints of a customer's telemetry aggregates (ARCHITECTURE.md, durability): a crash
    /// loses at most this much of the counts, never definitions, feedback or alerts.
    /// </summary>
    public int CheckpointSeconds { get; set; } = 5;

    public int SlotsPerShortWindow => ShortWindowSeconds / SlotSeconds;

    public int SlotsPerLongWindow => LongWindowSeconds / SlotSeconds;

    public int SlotsPerMinute => 60 / SlotSeconds;

    /// <summary>EWMA weight of one observed minute: <c>alpha = 1 - 2^(-1 / BaselineHalfLifeMinutes)</c>.</summary>
    public double BaselineAlpha => 1 - Math.Pow(2, -1 / BaselineHalfLifeMinutes);

    /// <summary>Absolute slot index of a time: <c>floor(unix seconds / SlotSeconds)</c>.</summary>
    public long SlotIndexOf(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeSeconds(), SlotSeconds, out var rem) - (rem < 0 ? 1 : 0);

    public DateTimeOffset SlotStart(long slotIndex) => DateTimeOffset.FromUnixTimeSeconds(slotIndex * SlotSeconds);

    /// <summary>For the generated options validator: each problem of <see cref="Validate()"/> as a result naming the setting.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));

    /// <summary>Problems with the settings, each naming the setting to fix; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        const string P = SectionName + ":";
        if (SlotSeconds is < 1 or > 60 || 60 % SlotSeconds != 0)
        {
            yield return $"{P}SlotSeconds must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60); it is {SlotSeconds}.";
            yield break;
        }

        if (ShortWindowSeconds < SlotSeconds || ShortWindowSeconds % SlotSeconds != 0)
        {
            yield return $"{P}SlotSeconds must divide {P}ShortWindowSeconds ({SlotSeconds} does not divide {ShortWindowSeconds}).";
        }

        if (LongWindowSeconds < SlotSeconds || LongWindowSeconds % SlotSeconds != 0)
        {
            yield return $"{P}SlotSeconds must divide {P}LongWindowSeconds ({SlotSeconds} does not divide {LongWindowSeconds}).";
        }
        else if (LongWindowSeconds / SlotSeconds > 3600)
        {
            yield return $"{P}LongWindowSeconds / {P}SlotSeconds must be at most 3600 slots (memory per window); it is {LongWindowSeconds / SlotSeconds}.";
        }

        if (LongWindowSeconds < ShortWindowSeconds)
        {
            yield return $"{P}LongWindowSeconds ({LongWindowSeconds}) must be at least {P}ShortWindowSeconds ({ShortWindowSeconds}).";
        }

        if (!(DisruptionFloor is > 0 and < 1))
        {
            yield return $"{P}DisruptionFloor must be between 0 and 1 (exclusive); it is {DisruptionFloor}.";
        }

        if (!(BurnFactor > 0) || double.IsInfinity(BurnFactor))
        {
            yield return $"{P}BurnFactor must be a positive number; it is {BurnFactor}.";
        }

        if (MinEvents < 1)
        {
            yield return $"{P}MinEvents must be at least 1; it is {MinEvents}.";
        }

        if (!(ConfidenceZ is > 0 and <= 10))
        {
            yield return $"{P}ConfidenceZ must be above 0 and at most 10 (1.96 = 95%); it is {ConfidenceZ}.";
        }

        if (!(RecoveryFactor is > 0 and <= 1))
        {
            yield return $"{P}RecoveryFactor must be above 0 and at most 1; it is {RecoveryFactor}.";
        }

        if (!(BaselineHalfLifeMinutes > 0) || double.IsInfinity(BaselineHalfLifeMinutes))
        {
            yield return $"{P}BaselineHalfLifeMinutes must be a positive number; it is {BaselineHalfLifeMinutes}.";
        }

        if (BaselineWarmupMinutes < 0)
        {
            yield return $"{P}BaselineWarmupMinutes must not be negative; it is {BaselineWarmupMinutes}.";
        }

        if (!(DegradedFactor >= 1) || double.IsInfinity(DegradedFactor))
        {
            yield return $"{P}DegradedFactor must be at least 1; it is {DegradedFactor}.";
        }

        if (!(DegradedMargin is >= 0 and < 1))
        {
            yield return $"{P}DegradedMargin must be at least 0 and below 1; it is {DegradedMargin}.";
        }

        if (!(LatencyDegradedFactor > 1) || double.IsInfinity(LatencyDegradedFactor))
        {
            yield return $"{P}LatencyDegradedFactor must be above 1; it is {LatencyDegradedFactor}.";
        }

        if (MinutesHistory is < 1 or > 1440)
        {
            yield return $"{P}MinutesHistory must be between 1 and 1440; it is {MinutesHistory}.";
        }

        if (HoursHistory is < 1 or > 24 * 90)
        {
            yield return $"{P}HoursHistory must be between 1 and 2160 (90 days); it is {HoursHistory}.";
        }

        if (CheckpointSeconds is < 1 or > 3600)
        {
            yield return $"{P}CheckpointSeconds must be between 1 and 3600; it is {CheckpointSeconds}.";
        }
    }
}
