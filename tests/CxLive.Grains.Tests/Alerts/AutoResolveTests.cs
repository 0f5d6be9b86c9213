using CxLive.Domain.Alerts;

namespace CxLive.Grains.Tests.Alerts;

public sealed class AutoResolveTests(AutoResolveClusterFixture fixture) : IClassFixture<AutoResolveClusterFixture>
{
    [Fact]
    public async Task With_auto_resolve_a_cleared_condition_resolves_the_alert()
    {
        var scenario = new AlertScenario(fixture);
        var alert = await scenario.RaiseDisrupted(scenario.Id("auto"), "checkout", "dana");

        await scenario.Recover(alert.CustomerId, "checkout");

        var resolved = (await scenario.AlertsUntil(alert.CustomerId, a => a.Single().State == AlertStates.Resolved, "the alert resolves itself")).Single();
        Assert.True(resolved.Cleared);
        Assert.Equal([AlertActions.Raised, AlertActions.Cleared, AlertActions.Resolved], resolved.History.Select(h => h.Action));
        Assert.Equal(AlertActions.System, resolved.History[^1].By);
        Assert.Contains(RecordingAlertNotifier.For(alert.Id), n => n.Status == "resolved" && n.Version == 2);
    }
}
