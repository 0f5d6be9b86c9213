using CxLive.Api.Demo;
using CxLive.Grains.Abstractions.Feedback;

namespace CxLive.Api.Tests.Demo;

public sealed class DemoFeedbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Affected_customers_complain_after_the_incident_starts_and_no_one_else_does()
    {
        var fleet = DemoFleet.Generate(seed: 7, customers: 300, eventsPerSecond: 3000);
        var scenario = new DemoScenario(fleet, 7, 30, 150, 90, longWindowSeconds: 600);
        var incident = scenario.Incident(0)!;
        var feedback = new DemoFeedback(fleet, scenario, 7);

        var items = new List<FeedbackItem>();
        for (var second = 0L; second < incident.EndSecond; second++)
        {
            feedback.Generate(second, Now, items);
        }

        var affected = incident.Customers.Select(i => fleet.Customers[i].Id).ToHashSet();
        var aboutIncident = items.Where(i => i.Touchpoint is not null).ToList();
        Assert.NotEmpty(aboutIncident);
        Assert.All(aboutIncident, i => Assert.Contains(i.CustomerId, affected));
        Assert.All(aboutIncident, i => Assert.Equal(fleet.Touchpoints[incident.Touchpoint].Id, i.Touchpoint));
        Assert.Contains(aboutIncident, i => i.Kind == "complaint");
        Assert.Equal(incident.EndSecond / DemoFeedback.SurveyEverySeconds + (incident.EndSecond % DemoFeedback.SurveyEverySeconds == 0 ? 0 : 1), items.Count(i => i.Program == "relationship"));
    }

    [Fact]
    public void The_same_seed_says_the_same_things_with_the_same_ids()
    {
        var fleet = DemoFleet.Generate(seed: 3, customers: 100, eventsPerSecond: 1000);
        var scenario = new DemoScenario(fleet, 3, 30, 150, 90, 600);
        var a = new List<FeedbackItem>();
        var b = new List<FeedbackItem>();
        for (var second = 0L; second < 200; second++)
        {
            new DemoFeedback(fleet, scenario, 3).Generate(second, Now, a);
            new DemoFeedback(fleet, scenario, 3).Generate(second, Now, b);
        }

        Assert.Equal(a, b);
        Assert.Equal(a.Count, a.Select(i => i.Id).Distinct().Count());
    }
}
