using System.ComponentModel.DataAnnotations;

namespace CxLive.Domain.Alerts;

/// <summary>
/// Tunables of account managers' alerts (SCORING.md 7), bound from the <see cref="SectionName"/> configuration
/// section and checked with <see cref="Validate"/> at startup.
/// </summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>Annual revenue from which a disruption longer than <see cref="DisruptedGrace"/> raises an alert.</summary>
    public double RevenueFloor { get; set; } = 100_000;

    /// <summary>How long a customer above the floor must stay disrupted before the alert is raised.</summary>
    public TimeSpan DisruptedGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A score drop of more than this many points within <see cref="ScoreDropWindow"/> raises an alert.</summary>
    public double ScoreDropPoints { get; set; } = 20;

    public TimeSpan ScoreDropWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Who gets the alerts of customers without an account manager.</summary>
    public string DefaultOwner { get; set; } = "cx-team";

    /// <summary>An alert still open (not acknowledged) this long after it was raised is escalated.</summary>
    public TimeSpan EscalationAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Who an unacknowledged alert is escalated to.</summary>
    public string EscalationOwner { get; set; } = "cx-lead";

    /// <summary>When true, an alert whose condition clears is resolved by CxLive; otherwise a person resolves it.</summary>
    public bool AutoResolve { get; set; }

    /// <summary>
    /// New evidence folds into an open alert at once, but an <c>updated</c> history entry (and a new version that is
    /// pushed and delivered) at most once per this interval; in between only counts, last seen and evidence move.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Pieces of the customer's most recent feedback an alert carries as evidence.</summary>
    public int EvidenceFeedback { get; set; } = 5;

    /// <summary>Resolved alerts kept per customer (open ones are always kept).</summary>
    public int KeepResolved { get; set; } = 20;

    /// <summary>For the generated options validator: each problem of <see cref="Validate()"/> as a result naming the setting.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));

    /// <summary>Problems with the settings, each naming the setting to fix; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        const string P = SectionName + ":";
        if (!(RevenueFloor >= 0) || double.IsInfinity(RevenueFloor))
        {
            yield return $"{P}RevenueFloor must be a non-negative amount; it is {RevenueFloor}.";
        }

        if (DisruptedGrace < TimeSpan.Zero || DisruptedGrace > TimeSpan.FromDays(1))
        {
            yield return $"{P}DisruptedGrace must be between 00:00:00 and 1.00:00:00; it is {DisruptedGrace}.";
        }

        if (!(ScoreDropPoints is > 0 and <= 100))
        {
            yield return $"{P}ScoreDropPoints must be more than 0 and at most 100; it is {ScoreDropPoints}.";
        }

        if (ScoreDropWindow <= TimeSpan.Zero || ScoreDropWindow > TimeSpan.FromDays(30))
        {
            yield return $"{P}ScoreDropWindow must be positive and at most 30 days; it is {ScoreDropWindow}.";
        }

        if (EntityId.Problem(DefaultOwner) is { } owner)
        {
            yield return $"{P}DefaultOwner {owner}.";
        }

        if (EscalationAfter <= TimeSpan.Zero || EscalationAfter > TimeSpan.FromDays(30))
        {
            yield return $"{P}EscalationAfter must be positive and at most 30 days; it is {EscalationAfter}.";
        }

        if (EntityId.Problem(EscalationOwner) is { } escalation)
        {
            yield return $"{P}EscalationOwner {escalation}.";
        }

        if (UpdateInterval < TimeSpan.Zero || UpdateInterval > TimeSpan.FromDays(1))
        {
            yield return $"{P}UpdateInterval must be between 00:00:00 and 1.00:00:00; it is {UpdateInterval}.";
        }

        if (EvidenceFeedback is < 0 or > 50)
        {
            yield return $"{P}EvidenceFeedback must be between 0 and 50; it is {EvidenceFeedback}.";
        }

        if (KeepResolved is < 0 or > 1000)
        {
            yield return $"{P}KeepResolved must be between 0 and 1000; it is {KeepResolved}.";
        }
    }
}
