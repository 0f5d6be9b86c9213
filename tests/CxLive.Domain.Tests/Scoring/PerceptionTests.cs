using CsCheck;
using CxLive.Domain.Scoring;
using static CxLive.Domain.Tests.Scoring.Feedback;

namespace CxLive.Domain.Tests.Scoring;

public sealed class PerceptionTests
{
    private static readonly ScoringOptions Options = new();

    [Fact]
    public void An_item_half_a_half_life_old_weighs_2_to_the_minus_half()
    {
        Assert.Equal(Math.Pow(2, -0.5), Perception.RecencyWeight(Now.AddDays(-15), Now, Options), 12);
        Assert.Equal(1, Perception.RecencyWeight(Now.AddDays(1), Now, Options));

        // One satisfied answer now and one unsatisfied half a half-life ago: CSAT = 1 / (1 + 2^-0.5).
        var summary = Perception.Summarize([Csat(5), Csat(1, Now.AddDays(-15))], Now, Options);
        Assert.Equal(1 / (1 + Math.Pow(2, -0.5)), summary.Csat!.Value, 12);
    }

    [Fact]
    public void Nps_of_two_promoters_one_detractor_and_one_passive_is_25()
    {
        var summary = Perception.Summarize([Nps(10), Nps(9), Nps(3), Nps(8)], Now, Options);

        Assert.Equal(25, summary.Nps!.Value, 9);
        Assert.Equal((4, 2, 1), (summary.Responses, summary.Promoters, summary.Detractors));
        Assert.Equal(62.5, summary.Score!.Value, 9);
        Assert.Null(summary.Csat);
    }

    [Fact]
    public void Complaints_count_as_detractors_and_praise_as_promoters()
    {
        var summary = Perception.Summarize([Nps(10), Of(FeedbackKind.Complaint), Of(FeedbackKind.Complaint), Of(FeedbackKind.Praise)], Now, Options);

        Assert.Equal(0, summary.Nps!.Value, 9);
        Assert.Equal((2, 1, 1), (summary.Complaints, summary.Praise, summary.Promoters));
        Assert.Equal(0, summary.Detractors);
        Assert.Equal(0.5, summary.ComplaintShare!.Value, 9);

        var complaintOnly = Perception.Summarize([Of(FeedbackKind.Complaint)], Now, Options);
        Assert.Equal(-100, complaintOnly.Nps);
        Assert.Equal(0, complaintOnly.Score);
    }

    [Fact]
    public void Csat_is_the_share_of_4_and_5_and_score_averages_nps_and_csat()
    {
        var summary = Perception.Summarize([Csat(5), Csat(4), Csat(3), Csat(1), Nps(10)], Now, Options);

        Assert.Equal(0.5, summary.Csat!.Value, 9);
        Assert.Equal((100 + 50) / 2.0, summary.Score!.Value, 9);
    }

    [Fact]
    public void Ces_is_a_weighted_mean_and_stays_out_of_the_score()
    {
        var summary = Perception.Summarize([Ces(2), Ces(6)], Now, Options);

        Assert.Equal(4, summary.Ces!.Value, 9);
        Assert.Null(summary.Score);
    }

    [Fact]
    public void Comments_are_responses_only_and_nothing_is_empty()
    {
        var summary = Perception.Summarize([Of(FeedbackKind.Comment)], Now, Options);
        Assert.Equal(1, summary.Responses);
        Assert.Null(summary.Nps);
        Assert.Null(summary.Score);

        Assert.Same(PerceptionSummary.Empty, Perception.Summarize([], Now, Options));
        Assert.Empty(PerceptionSummary.Empty.ByChannel);
    }

    [Fact]
    public void Breakdowns_per_channel_and_program_leave_out_items_without_one()
    {
        var summary = Perception.Summarize(
            [Nps(10, channel: "email", program: "relationship"), Nps(0, channel: "email"), Nps(0, channel: "app", program: "relationship"), Nps(10)],
            Now,
            Options);

        Assert.Equal(["app", "email"], summary.ByChannel.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new PerceptionBreakdown(2, 0, null), summary.ByChannel["email"]);
        Assert.Equal(new PerceptionBreakdown(1, -100, null), summary.ByChannel["app"]);
        Assert.Equal(new PerceptionBreakdown(2, 0, null), Assert.Single(summary.ByProgram).Value);
    }

    internal static readonly Gen<FeedbackSignal> Signals =
        Gen.Select(Gen.Enum<FeedbackKind>(), Gen.Int[0, 10], Gen.Double[0, 400], Gen.Int[0, 2].Select(i => new[] { null, "email", "app" }[i]), (kind, answer, ageDays, channel) =>
        {
            double? score = kind switch
            {
                FeedbackKind.Nps => answer,
                FeedbackKind.Csat => 1 + (answer % 5),
                FeedbackKind.Ces => 1 + (answer % 7),
                _ => null,
            };
            return new FeedbackSignal(Now.AddDays(-ageDays), kind, score, channel, null, null);
        });

    [Fact]
    public void Figures_stay_in_their_ranges() =>
        Signals.Array[0, 40].Select(Gen.Double[0.5, 365]).Sample((signals, halfLife) =>
        {
            var summary = Perception.Summarize(signals, Now, new ScoringOptions { FeedbackHalfLifeDays = halfLife });
            return summary.Nps is null or (>= -100 and <= 100)
                && summary.Csat is null or (>= 0 and <= 1)
                && summary.Score is null or (>= 0 and <= 100)
                && summary.Ces is null or (>= 1 and <= 7)
                && summary.Responses == signals.Length
                && summary.ByChannel.Values.All(b => b.Nps is null or (>= -100 and <= 100));
        });
}
