using CxLive.Domain.Scoring;
using static CxLive.Domain.Tests.Scoring.Feedback;

namespace CxLive.Domain.Tests.Scoring;

public sealed class KnewFirstTests
{
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    [Fact]
    public void A_complaint_30_seconds_after_a_flag_has_a_30_second_lead()
    {
        FlagInterval[] flags = [new(Now.AddSeconds(-30), null, "checkout", "disrupted")];
        Assert.Equal(TimeSpan.FromSeconds(30), KnewFirst.LeadTime(flags, Now, "checkout", Lookback));
    }

    [Fact]
    public void An_unflagged_customer_has_no_lead() => Assert.Null(KnewFirst.LeadTime([], Now, null, Lookback));

    [Fact]
    public void A_flag_on_another_touchpoint_counts_only_when_no_touchpoint_is_given()
    {
        FlagInterval[] flags = [new(Now.AddMinutes(-5), null, "login", "degraded")];
        Assert.Null(KnewFirst.LeadTime(flags, Now, "checkout", Lookback));
        Assert.Equal(TimeSpan.FromMinutes(5), KnewFirst.LeadTime(flags, Now, null, Lookback));
    }

    [Fact]
    public void A_flag_raised_after_the_feedback_does_not_count()
    {
        FlagInterval[] flags = [new(Now.AddSeconds(1), null, "checkout", "disrupted"), new(Now, null, "checkout", "disrupted")];
        Assert.Null(KnewFirst.LeadTime(flags, Now, "checkout", Lookback));
    }

    [Fact]
    public void A_flag_closed_within_the_lookback_counts_and_one_closed_longer_ago_does_not()
    {
        FlagInterval[] recent = [new(Now.AddHours(-30), Now.AddHours(-23), "checkout", "disrupted")];
        FlagInterval[] old = [new(Now.AddHours(-30), Now.AddHours(-25), "checkout", "disrupted")];
        Assert.Equal(TimeSpan.FromHours(30), KnewFirst.LeadTime(recent, Now, null, Lookback));
        Assert.Null(KnewFirst.LeadTime(old, Now, null, Lookback));
    }

    [Fact]
    public void The_most_recent_qualifying_flag_sets_the_lead()
    {
        FlagInterval[] flags = [new(Now.AddHours(-3), null, "checkout", "disrupted"), new(Now.AddMinutes(-10), Now.AddMinutes(-2), "checkout", "degraded")];
        Assert.Equal(TimeSpan.FromMinutes(10), KnewFirst.LeadTime(flags, Now, "checkout", Lookback));
    }

    [Fact]
    public void Timeline_pairs_openings_with_closings_per_touchpoint_and_kind()
    {
        (DateTimeOffset, string, string?)[] timeline =
        [
            (Now.AddMinutes(5), "recovered", "checkout"),
            (Now, "disrupted", "checkout"),
            (Now.AddMinutes(1), "degraded", "login"),
            (Now.AddMinutes(2), "disrupted", "checkout"),
            (Now.AddMinutes(3), "degraded-cleared", "checkout"),
            (Now.AddMinutes(4), "note", "checkout"),
            (Now.AddMinutes(6), "recovered", "checkout"),
            (Now.AddMinutes(7), "disrupted", null),
        ];

        var flags = KnewFirst.FromTimeline(timeline);

        Assert.Equal(
            [new FlagInterval(Now, Now.AddMinutes(5), "checkout", "disrupted"), new FlagInterval(Now.AddMinutes(1), null, "login", "degraded")],
            flags);
    }
}
