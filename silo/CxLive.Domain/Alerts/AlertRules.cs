using System.Globalization;

namespace CxLive.Domain.Alerts;

/// <summary>
/// The rules of SCORING.md 7 as pure code: which alert conditions hold for a customer now, and how they moved since
/// the last look. The customer grain asks on every verdict tick and feedback; only movements reach the alerts.
/// </summary>
public sealed class AlertRules(AlertOptions options)
{
    /// <summary>The conditions holding now; <paramref name="holding"/> are the reasons that held at the last look.</summary>
    public IReadOnlyList<AlertCondition> Evaluate(AlertFacts facts, IReadOnlyCollection<string> holding)
    {
        List<AlertCondition>? conditions = null;
        if (facts.Quadrant == AlertReasons.AtRisk)
        {
            var score = facts.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" (score {s:0})") : "";
            (conditions ??= []).Add(new AlertCondition(AlertReasons.AtRisk, [], $"Entered At-Risk{score}"));
        }

        if (Disrupted(facts) is { } disrupted)
        {
            (conditions ??= []).Add(disrupted);
        }

        if (FeedbackWhileDisrupted(facts, holding.Contains(AlertReasons.FeedbackWhileDisrupted)) is { } feedback)
        {
            (conditions ??= []).Add(feedback);
        }

        if (ScoreDrop(facts) is { } drop)
        {
            (conditions ??= []).Add(drop);
        }

        return conditions ?? (IReadOnlyList<AlertCondition>)[];
    }

    /// <summary>
    /// Compares the conditions now with the reasons that held before (<paramref name="holding"/>) and, when known, the
    /// conditions of the last look (<paramref name="last"/>; null after an activation: then nothing counts as fresh).
    /// Fresh: a disruption spread to another touchpoint, or another complaint or detractor during a disruption.
    /// </summary>
    public static AlertEdges Compare(IReadOnlyCollection<string> holding, IReadOnlyList<AlertCondition>? last, IReadOnlyList<AlertCondition> now, bool detractorArrived)
    {
        List<AlertCondition>? raised = null;
        List<AlertCondition>? fresh = null;
        foreach (var condition in now)
        {
            if (!holding.Contains(condition.Reason))
            {
                (raised ??= []).Add(condition);
                continue;
            }

            var before = last?.FirstOrDefault(c => c.Reason == condition.Reason);
            var isFresh = condition.Reason switch
            {
                AlertReasons.Disrupted => before is not null && condition.Touchpoints.Except(before.Touchpoints, StringComparer.Ordinal).Any(),
                AlertReasons.FeedbackWhileDisrupted => detractorArrived,
                _ => false,
            };
            if (isFresh)
            {
                (fresh ??= []).Add(condition);
            }
        }

        var cleared = holding.Where(reason => !now.Any(c => c.Reason == reason)).ToList();
        return raised is null && fresh is null && cleared.Count == 0
            ? AlertEdges.None
            : new AlertEdges(raised ?? [], fresh ?? [], cleared);
    }

    private AlertCondition? Disrupted(AlertFacts facts)
    {
        if ((facts.AnnualRevenue ?? 0) < options.RevenueFloor)
        {
            return null;
        }

        var touchpoints = facts.Touchpoints
            .Where(t => t.Disrupted && t.DisruptedSince is { } since && facts.Now - since >= options.DisruptedGrace)
            .OrderBy(t => t.DisruptedSince)
            .ThenBy(t => t.Touchpoint, StringComparer.Ordinal)
            .Select(t => t.Touchpoint)
            .ToList();
        return touchpoints.Count == 0
            ? null
            : new AlertCondition(AlertReasons.Disrupted, touchpoints, $"Disrupted on {string.Join(", ", touchpoints)} for longer than {Describe(options.DisruptedGrace)}");
    }

    private static AlertCondition? FeedbackWhileDisrupted(AlertFacts facts, bool held)
    {
        if (facts.Detractor is null && !held)
        {
            return null;
        }

        var troubled = facts.Touchpoints.Where(t => t.Disrupted || t.Degraded).OrderByDescending(t => t.Disrupted).ThenBy(t => t.Touchpoint, StringComparer.Ordinal).ToList();
        if (troubled.Count == 0)
        {
            return null;
        }

        // The touchpoint the feedback is about comes first when it is one of the troubled ones.
        var about = facts.Detractor?.Touchpoint;
        var touchpoints = troubled.OrderByDescending(t => t.Touchpoint == about).Select(t => t.Touchpoint).ToList();
        var first = troubled.First(t => t.Touchpoint == touchpoints[0]);
        var what = facts.Detractor?.Kind == "complaint" ? "Complaint" : "Detractor feedback";
        return new AlertCondition(AlertReasons.FeedbackWhileDisrupted, touchpoints, $"{what} while {(first.Disrupted ? "disrupted" : "degraded")} on {touchpoints[0]}");
    }

    private AlertCondition? ScoreDrop(AlertFacts facts)
    {
        if (facts.Score is not { } score)
        {
            return null;
        }

        var from = facts.Now - options.ScoreDropWindow;
        double? peak = null;
        foreach (var (at, earlier) in facts.ScoreHistory)
        {
            if (at >= from && at <= facts.Now && (peak is null || earlier > peak))
            {
                peak = earlier;
            }
        }

        return peak is { } high && high - score > options.ScoreDropPoints
            ? new AlertCondition(AlertReasons.ScoreDrop, [], string.Create(CultureInfo.InvariantCulture,
                $"Experience score fell {high - score:0} points within {Describe(options.ScoreDropWindow)} ({high:0} -> {score:0})"))
            : null;
    }

    /// <summary>A duration as people say it: "2 min", "90 s", "3 h".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } when span.TotalHours == Math.Floor(span.TotalHours) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} h"),
        { TotalMinutes: >= 1 } when span.TotalMinutes == Math.Floor(span.TotalMinutes) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
    };
}
