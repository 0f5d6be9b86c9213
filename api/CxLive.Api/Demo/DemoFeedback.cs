using CxLive.Grains.Abstractions.Feedback;

namespace CxLive.Api.Demo;

/// <summary>
/// What the demo's customers say, second by second: during each incident a third of the affected customers complain
/// about the touchpoint (CxLive has flagged them by then: "knew first"), some of the rest answer a low NPS; and every
/// <see cref="SurveyEverySeconds"/> a random customer answers a relationship survey, mostly happy, now and then a
/// detractor nobody saw coming. Deterministic for a seed, with ids stable per second so a replay is not counted twice.
/// </summary>
internal sealed class DemoFeedback(DemoFleet fleet, DemoScenario scenario, int seed)
{
    public const int SurveyEverySeconds = 5;

    /// <summary>How long into an incident the affected customers speak up: after the verdict, as real customers do.</summary>
    public const int ComplaintDelaySeconds = 45;

    public void Generate(long second, DateTimeOffset now, List<FeedbackItem> items)
    {
        foreach (var incident in scenario.AffectingAt(second))
        {
            if (second != incident.StartSecond + ComplaintDelaySeconds || !incident.IsActiveAt(second))
            {
                continue;
            }

            var touchpoint = fleet.Touchpoints[incident.Touchpoint].Id;
            for (var i = 0; i < incident.Customers.Count; i++)
            {
                var customer = fleet.Customers[incident.Customers[i]].Id;
                var id = $"demo-{incident.Number}-{i}";
                if (i % 3 == 0)
                {
                    items.Add(Item(id, customer, touchpoint, now, "complaint", null, "support", "transactional", "It keeps failing at this step."));
                }
                else if (i % 3 == 1)
                {
                    items.Add(Item(id, customer, touchpoint, now, "nps", 2 + (i % 4), "survey", "transactional", null));
                }
            }
        }

        if (second % SurveyEverySeconds == 0)
        {
            var random = new Random(HashCode.Combine(seed, second));
            var customer = fleet.Customers[random.Next(fleet.Customers.Count)].Id;
            var score = random.NextDouble() < 0.15 ? random.Next(2, 7) : random.Next(8, 11);
            items.Add(Item($"demo-survey-{second}", customer, null, now, "nps", score, "email", "relationship", null));
        }
    }

    private static FeedbackItem Item(string id, string customer, string? touchpoint, DateTimeOffset now, string kind, double? score, string channel, string program, string? comment) =>
        new()
        {
            Id = id,
            CustomerId = customer,
            Touchpoint = touchpoint,
            Timestamp = now,
            Kind = kind,
            Score = score,
            Channel = channel,
            Program = program,
            Comment = comment,
            ReceivedAt = now,
        };
}
