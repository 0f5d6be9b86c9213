using CsCheck;
using CxLive.Domain.Scoring;
using static CxLive.Domain.Tests.Scoring.Feedback;

namespace CxLive.Domain.Tests.Scoring;

public sealed class DecayingPerceptionTests
{
    private static readonly ScoringOptions Options = new();

    [Fact]
    public void Matches_perception_for_the_same_signals_in_any_order() =>
        PerceptionTests.Signals.Array[0, 40].Select(Gen.Double[1, 365], Gen.Double[0, 30]).Sample((signals, halfLife, readLaterDays) =>
        {
            var options = new ScoringOptions { FeedbackHalfLifeDays = halfLife };
            var now = Now.AddDays(readLaterDays);
            var decaying = new DecayingPerception(options);
            foreach (var signal in signals)
            {
                decaying.Add(signal);
            }

            var expected = Perception.Summarize(signals, now, options);
            var actual = decaying.Summarize(now);
            return Close(expected.Nps, actual.Nps) && Close(expected.Csat, actual.Csat) && Close(expected.Ces, actual.Ces)
                && Close(expected.Score, actual.Score)
                && (expected.Responses, expected.Promoters, expected.Detractors, expected.Complaints, expected.Praise)
                    == (actual.Responses, actual.Promoters, actual.Detractors, actual.Complaints, actual.Praise)
                && actual.ByChannel.Count == 0 && actual.ByProgram.Count == 0;
        });

    [Fact]
    public void Decays_old_feedback_against_new()
    {
        var decaying = new DecayingPerception(Options);
        decaying.Add(Csat(1, Now));
        Assert.Equal(0, decaying.Summarize(Now)!.Csat);

        // A satisfied answer one half-life later weighs twice the decayed old one: 1 / (1 + 0.5).
        decaying.Add(Csat(5, Now.AddDays(30)));
        Assert.Equal(2.0 / 3, decaying.Summarize(Now.AddDays(30)).Csat!.Value, 12);

        // An answer arriving late (stamped before the last update) enters with its own age.
        decaying.Add(Csat(1, Now.AddDays(15)));
        var expected = 1 / (1 + 0.5 + Math.Pow(2, -0.5));
        Assert.Equal(expected, decaying.Summarize(Now.AddDays(60)).Csat!.Value, 12);
        Assert.Equal(expected, Perception.Summarize([Csat(1, Now), Csat(5, Now.AddDays(30)), Csat(1, Now.AddDays(15))], Now.AddDays(60), Options).Csat!.Value, 12);
    }

    [Fact]
    public void Decays_the_sums_by_half_each_half_life()
    {
        var decaying = new DecayingPerception(Options);
        decaying.Add(Nps(10, Now));
        decaying.Summarize(Now.AddDays(60));

        var state = decaying.ToState();
        Assert.Equal(0.25, state.PromoterWeight, 12);
        Assert.Equal(0.25, state.NpsPoolWeight, 12);
        Assert.Equal(Now.AddDays(60), state.LastUpdate);
    }

    [Fact]
    public void Round_trips_its_state() =>
        PerceptionTests.Signals.Array[0, 20].Sample(signals =>
        {
            var decaying = new DecayingPerception(Options);
            foreach (var signal in signals)
            {
                decaying.Add(signal);
            }

            var state = decaying.ToState();
            var restored = DecayingPerception.FromState(state, Options);
            restored.Add(Nps(0, Now));
            decaying.Add(Nps(0, Now));
            return state == DecayingPerception.FromState(state, Options).ToState()
                && restored.ToState() == decaying.ToState()
                && restored.Summarize(Now).Score == decaying.Summarize(Now).Score;
        });

    [Fact]
    public void Nothing_heard_is_empty()
    {
        Assert.Same(PerceptionSummary.Empty, new DecayingPerception(Options).Summarize(Now));
        Assert.Equal(DecayingPerceptionState.Empty, new DecayingPerception(Options).ToState());
    }

    private static bool Close(double? expected, double? actual) =>
        (expected, actual) switch
        {
            (null, null) => true,
            ({ } e, { } a) => Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)),
            _ => false,
        };
}
