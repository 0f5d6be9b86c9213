namespace CxLive.Domain.Scoring;

/// <summary>
/// What customers say (SCORING.md 3), recency-weighted. Each signal weighs
/// <code>
/// w = 2^(-age / FeedbackHalfLifeDays)        age = now - At in days, clamped at 0 (future signals weigh 1)
/// </code>
/// and over the weighted signals
/// <code>
/// NPS   = 100 x (sum w promoter signals - sum w detractor signals) / sum w NPS pool      in [-100, 100]
///         NPS pool = NPS answers (9-10 promoter, 7-8 passive, 0-6 detractor) + complaints (detractor) + praise (promoter)
/// CSAT  = sum w csat answers of 4-5 / sum w csat answers                                in [0, 1]
/// CES   = sum w x ces / sum w                                                           (not part of the score)
/// Score = mean of the parts that exist among (NPS + 100) / 2 and 100 x CSAT             in [0, 100]; null when neither
/// </code>
/// Counts are plain counts. <see cref="PerceptionSummary.ByChannel"/> and <see cref="PerceptionSummary.ByProgram"/>
/// apply the same formulas per channel and program; signals without one are left out of that breakdown.
/// Answers whose score is missing or not finite count as responses only.
/// </summary>
public static class Perception
{
    /// <summary>Recency weight <c>2^(-max(0, now - at) / half-life)</c> of a signal at <paramref name="at"/>.</summary>
    public static double RecencyWeight(DateTimeOffset at, DateTimeOffset now, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ageDays = Math.Max(0, (now - at).TotalDays);
        return Math.Pow(2, -ageDays / options.FeedbackHalfLifeDays);
    }

    public static PerceptionSummary Summarize(IEnumerable<FeedbackSignal> signals, DateTimeOffset now, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        var all = new PerceptionTally();
        var byChannel = new Dictionary<string, PerceptionTally>(StringComparer.Ordinal);
        var byProgram = new Dictionary<string, PerceptionTally>(StringComparer.Ordinal);
        foreach (var signal in signals)
        {
            var weight = RecencyWeight(signal.At, now, options);
            all.Add(signal, weight);
            AddTo(byChannel, signal.Channel, signal, weight);
            AddTo(byProgram, signal.Program, signal, weight);
        }

        return all.Responses == 0 ? PerceptionSummary.Empty : all.ToSummary(Breakdowns(byChannel), Breakdowns(byProgram));
    }

    private static void AddTo(Dictionary<string, PerceptionTally> groups, string? key, FeedbackSignal signal, double weight)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (!groups.TryGetValue(key, out var tally))
        {
            tally = new PerceptionTally();
            groups.Add(key, tally);
        }

        tally.Add(signal, weight);
    }

    private static Dictionary<string, PerceptionBreakdown> Breakdowns(Dictionary<string, PerceptionTally> groups) =>
        groups.ToDictionary(g => g.Key, g => g.Value.ToBreakdown(), StringComparer.Ordinal);
}
