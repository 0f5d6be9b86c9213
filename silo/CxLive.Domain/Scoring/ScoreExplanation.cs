using System.Globalization;

namespace CxLive.Domain.Scoring;

/// <summary>
/// Splits <c>Score - 100</c> of an <see cref="ExperienceScore"/> into signed contributors, so that the sum of all
/// contributors' points + 100 equals the score. Only contributors that pull the score down exist; the largest
/// <see cref="MaxContributors"/> by |points| are kept.
/// <code>
/// touchpoint (score &lt; 100): points = (weight / total weight) x a x (touchpoint score - 100)
/// feedback (perception &lt; 100):  points split b x (perception - 100) over what pulled it down
/// a = OperationalWeight and b = PerceptionWeight when both parts exist, else 1 for the part that exists.
/// </code>
/// The perception deficit <c>100 - perception</c> is the mean over its k parts (NPS, CSAT) of each part's deficit:
/// NPS's <c>(100 - NPS) / 2 = 100 x detractor share + 50 x passive share</c> of the NPS pool, so detractor answers and
/// complaints pull <c>100 x their share / k</c> and passives the rest of the NPS deficit; CSAT pulls
/// <c>100 x (1 - CSAT) / k</c>. Labels carry plain counts, e.g. "2 detractors, 1 complaint (30-day weighted)".
/// </summary>
internal static class ScoreExplanation
{
    public const int MaxContributors = 5;

    private const double Negligible = 1e-9;

    public static IReadOnlyList<ScoreContributor> Of(
        List<(TouchpointHealth Health, double Score)> touchpoints,
        double totalWeight,
        PerceptionSummary perception,
        double? perceived,
        bool hasOperational,
        ScoringOptions options)
    {
        var contributors = new List<ScoreContributor>();
        var operationalShare = perceived is null ? 1 : options.OperationalWeight;
        foreach (var (health, score) in touchpoints)
        {
            var points = health.Weight / totalWeight * operationalShare * (score - 100);
            Keep(contributors, TouchpointLabel(health), health.Touchpoint, points);
        }

        if (perceived is { } pe && pe < 100)
        {
            AddFeedback(contributors, perception, pe, hasOperational ? options.PerceptionWeight : 1, options);
        }

        return [.. contributors
            .OrderByDescending(c => Math.Abs(c.Points))
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .Take(MaxContributors)];
    }

    private static void AddFeedback(List<ScoreContributor> contributors, PerceptionSummary perception, double perceived, double share, ScoringOptions options)
    {
        var weighted = string.Create(CultureInfo.InvariantCulture, $"({options.FeedbackHalfLifeDays:0.##}-day weighted)");
        var deficits = new List<(string Label, double Deficit)>();
        var parts = (perception.Nps is null ? 0 : 1) + (perception.Csat is null ? 0 : 1);
        if (perception.Nps is { } nps && parts > 0)
        {
            var npsDeficit = (100 - nps) / 2 / parts;
            if (perception.DetractorShare is { } detractors && perception.ComplaintShare is { } complaints)
            {
                var detractorDeficit = Math.Min(npsDeficit, 100 * (detractors + complaints) / parts);
                deficits.Add(($"{DetractorLabel(perception)} {weighted}", detractorDeficit));
                deficits.Add(($"passive NPS answers {weighted}", npsDeficit - detractorDeficit));
            }
            else
            {
                deficits.Add(($"low NPS {weighted}", npsDeficit));
            }
        }

        if (perception.Csat is { } csat && parts > 0)
        {
            deficits.Add(($"low CSAT {weighted}", 100 * (1 - csat) / parts));
        }

        // Scale so the feedback contributors add up to exactly share x (perception - 100), whatever rounding did.
        var sum = deficits.Sum(d => d.Deficit);
        if (sum <= Negligible)
        {
            Keep(contributors, $"feedback {weighted}", null, share * (perceived - 100));
            return;
        }

        foreach (var (label, deficit) in deficits)
        {
            Keep(contributors, label, null, share * (perceived - 100) * deficit / sum);
        }
    }

    private static string DetractorLabel(PerceptionSummary perception)
    {
        var parts = new List<string>(2);
        if (perception.Detractors > 0)
        {
            parts.Add(Plural(perception.Detractors, "detractor"));
        }

        if (perception.Complaints > 0)
        {
            parts.Add(Plural(perception.Complaints, "complaint"));
        }

        return parts.Count == 0 ? "detractor feedback" : string.Join(", ", parts);
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string TouchpointLabel(TouchpointHealth health)
    {
        if (health.Disrupted)
        {
            return $"{health.Touchpoint} disrupted";
        }

        return ExperienceScoring.Burn(health) > 1
            ? $"{health.Touchpoint} slow or failing"
            : $"{health.Touchpoint} some slow or failed interactions";
    }

    private static void Keep(List<ScoreContributor> contributors, string label, string? touchpoint, double points)
    {
        if (points < -Negligible)
        {
            contributors.Add(new ScoreContributor(label, touchpoint, points));
        }
    }
}
