namespace CxLive.Domain.Scoring;

/// <summary>
/// The experience score of a customer, 0-100 (SCORING.md 4). Per active touchpoint (<c>Events > 0</c>):
/// <code>
/// burn  = BadRatio / (1 - SloTarget)                     the share of the error budget used (SLO target 1: any bad = infinite)
/// score = 100 - 15 x burn                                burn &lt;= 1: meeting the SLO scores at least 85
///       = 85 x max(0, 1 - log10(burn) / 2)               burn > 1: 10x the budget scores 42.5, 100x scores 0
/// disrupted: score = min(score, DisruptedTouchpointCap)
/// </code>
/// <c>Operational</c> = the touchpoint scores averaged by <see cref="TouchpointHealth.Weight"/> over active touchpoints with
/// a positive weight; null without any. <c>Perception</c> = <see cref="PerceptionSummary.Score"/>.
/// <code>
/// Score = OperationalWeight x Operational + PerceptionWeight x Perception    when both exist; else the one that exists
/// </code>
/// The explanation splits <c>Score - 100</c> into contributors (see <see cref="ScoreExplanation"/>).
/// </summary>
public static class ExperienceScoring
{
    /// <summary>Null when the customer has neither an active touchpoint nor scored feedback.</summary>
    public static ExperienceScore? Compute(IReadOnlyList<TouchpointHealth> touchpoints, PerceptionSummary perception, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        ArgumentNullException.ThrowIfNull(perception);
        ArgumentNullException.ThrowIfNull(options);

        var scored = new List<(TouchpointHealth Health, double Score)>();
        double totalWeight = 0, weightedSum = 0;
        foreach (var touchpoint in touchpoints)
        {
            if (touchpoint.Events > 0 && touchpoint.Weight > 0 && double.IsFinite(touchpoint.Weight))
            {
                var score = TouchpointScore(touchpoint, options);
                scored.Add((touchpoint, score));
                totalWeight += touchpoint.Weight;
                weightedSum += touchpoint.Weight * score;
            }
        }

        double? operational = scored.Count > 0 ? Math.Clamp(weightedSum / totalWeight, 0, 100) : null;
        var perceived = perception.Score is { } p && double.IsFinite(p) ? Math.Clamp(p, 0, 100) : (double?)null;
        double? total = (operational, perceived) switch
        {
            ({ } op, { } pe) => (options.OperationalWeight * op) + (options.PerceptionWeight * pe),
            ({ } op, null) => op,
            (null, { } pe) => pe,
            _ => null,
        };

        if (total is not { } value)
        {
            return null;
        }

        var explanation = ScoreExplanation.Of(scored, totalWeight, perception, perceived, operational is not null, options);
        return new ExperienceScore(Math.Clamp(value, 0, 100), operational, perceived, explanation);
    }

    /// <summary>The 0-100 score of one touchpoint (formula above); it does not look at <see cref="TouchpointHealth.Events"/>.</summary>
    public static double TouchpointScore(TouchpointHealth touchpoint, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var burn = Burn(touchpoint);
        var score = burn <= 1 ? 100 - (15 * burn) : 85 * Math.Max(0, 1 - (Math.Log10(burn) / 2));
        return touchpoint.Disrupted ? Math.Min(score, options.DisruptedTouchpointCap) : score;
    }

    /// <summary>Share of the error budget used: <c>BadRatio / (1 - SloTarget)</c>, BadRatio clamped to [0, 1].</summary>
    internal static double Burn(TouchpointHealth touchpoint)
    {
        var bad = touchpoint.BadRatio > 0 ? Math.Min(touchpoint.BadRatio, 1) : 0;
        var budget = 1 - touchpoint.SloTarget;
        if (bad == 0)
        {
            return 0;
        }

        return budget > 0 ? bad / budget : double.PositiveInfinity;
    }
}
