using System.ComponentModel.DataAnnotations;

namespace CxLive.Domain.Scoring;

/// <summary>
/// Tunables for judging experience (SCORING.md sections 3 to 6), bound from the <see cref="SectionName"/>
/// configuration section and checked with <see cref="Validate"/> at startup.
/// </summary>
public sealed class ScoringOptions : IValidatableObject
{
    public const string SectionName = "Scoring";

    /// <summary>Feedback this old weighs half as much as feedback arriving now.</summary>
    public double FeedbackHalfLifeDays { get; set; } = 30;

    /// <summary>Share of the operational part in the experience score; with <see cref="PerceptionWeight"/> adds up to 1.</summary>
    public double OperationalWeight { get; set; } = 0.6;

    /// <summary>Share of the perception part in the experience score.</summary>
    public double PerceptionWeight { get; set; } = 0.4;

    /// <summary>Experience score (0-100) from which experience counts as good in the quadrants.</summary>
    public double GoodScore { get; set; } = 70;

    /// <summary>Annual revenue from which revenue counts as good; null = median annual revenue of known customers.</summary>
    public double? RevenueThreshold { get; set; }

    /// <summary>"Potential well above annual" means <c>potentialRevenue >= GrowthPotentialFactor x annualRevenue</c>.</summary>
    public double GrowthPotentialFactor { get; set; } = 1.5;

    /// <summary>Highest score (0-100) of a touchpoint on which the customer is disrupted.</summary>
    public double DisruptedTouchpointCap { get; set; } = 40;

    /// <summary>How far back a flag may lie for CxLive to have known first about a complaint or detractor.</summary>
    public double KnewFirstLookbackHours { get; set; } = 24;

    /// <summary>Points of score history kept per customer.</summary>
    public int ScoreHistory { get; set; } = 100;

    /// <summary>A history point is recorded when the score moved at least this much since the last point.</summary>
    public double ScoreHistoryMinDelta { get; set; } = 1;

    /// <summary>A touchpoint perception score (0-100) below this counts as poor on the customers' side.</summary>
    public double ExternalFeedbackFloor { get; set; } = 50;

    public TimeSpan FeedbackHalfLife => TimeSpan.FromDays(FeedbackHalfLifeDays);

    public TimeSpan KnewFirstLookback => TimeSpan.FromHours(KnewFirstLookbackHours);

    /// <summary>For the generated options validator: each problem of <see cref="Validate()"/> as a result naming the setting.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));

    /// <summary>Problems with the settings, each naming the setting to fix; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        const string P = SectionName + ":";
        if (!IsPositive(FeedbackHalfLifeDays))
        {
            yield return $"{P}FeedbackHalfLifeDays must be a positive number of days; it is {FeedbackHalfLifeDays}.";
        }

        if (!(OperationalWeight is >= 0 and <= 1) || !(PerceptionWeight is >= 0 and <= 1))
        {
            yield return $"{P}OperationalWeight and {P}PerceptionWeight must each be between 0 and 1; they are {OperationalWeight} and {PerceptionWeight}.";
        }
        else if (Math.Abs(OperationalWeight + PerceptionWeight - 1) > 1e-9)
        {
            yield return $"{P}OperationalWeight and {P}PerceptionWeight must add up to 1; they add up to {OperationalWeight + PerceptionWeight}.";
        }

        if (!(GoodScore is >= 0 and <= 100))
        {
            yield return $"{P}GoodScore must be between 0 and 100; it is {GoodScore}.";
        }

        if (RevenueThreshold is { } threshold && !(threshold >= 0 && !double.IsInfinity(threshold)))
        {
            yield return $"{P}RevenueThreshold must be empty (median of known customers) or a non-negative amount; it is {threshold}.";
        }

        if (!(GrowthPotentialFactor >= 1) || double.IsInfinity(GrowthPotentialFactor))
        {
            yield return $"{P}GrowthPotentialFactor must be at least 1; it is {GrowthPotentialFactor}.";
        }

        if (!(DisruptedTouchpointCap is >= 0 and <= 100))
        {
            yield return $"{P}DisruptedTouchpointCap must be between 0 and 100; it is {DisruptedTouchpointCap}.";
        }

        if (!IsPositive(KnewFirstLookbackHours))
        {
            yield return $"{P}KnewFirstLookbackHours must be a positive number of hours; it is {KnewFirstLookbackHours}.";
        }

        if (ScoreHistory is < 1 or > 10_000)
        {
            yield return $"{P}ScoreHistory must be between 1 and 10000; it is {ScoreHistory}.";
        }

        if (!(ScoreHistoryMinDelta is >= 0 and <= 100))
        {
            yield return $"{P}ScoreHistoryMinDelta must be between 0 and 100; it is {ScoreHistoryMinDelta}.";
        }

        if (!(ExternalFeedbackFloor is >= 0 and <= 100))
        {
            yield return $"{P}ExternalFeedbackFloor must be between 0 and 100; it is {ExternalFeedbackFloor}.";
        }
    }

    // TimeSpan.FromDays/FromHours throw beyond about 10 million days, so "positive" also means a sane size.
    private static bool IsPositive(double value) => value is > 0 and < 1e6;
}
