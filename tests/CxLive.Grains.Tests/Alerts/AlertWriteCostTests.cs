using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using Microsoft.Data.Sqlite;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>
/// What an alert change costs in durable grain-state writes, read from the SQLite file (every write bumps its row's
/// version). The webhook outbox's own write is one more (it is not in this fixture: a recorder takes the notices); the
/// customer's telemetry checkpoint, written on its timer anyway, is not counted.
/// </summary>
public sealed class AlertWriteCostTests(AlertsClusterFixture fixture) : IClassFixture<AlertsClusterFixture>
{
    private readonly AlertScenario _scenario = new(fixture);

    [Fact]
    public async Task Raising_an_alert_writes_the_alert_grain_once_and_the_customer_not_at_all()
    {
        var customer = _scenario.Id("raise-cost");
        await _scenario.Profile(customer, 250_000, "dana");
        await _scenario.Send(customer, "checkout");
        await _scenario.KeepSending(customer, "checkout", AlertScenario.Options.DisruptedGrace - TimeSpan.FromSeconds(AlertScenario.Telemetry.SlotSeconds));
        Assert.Empty(await _scenario.Alerts(customer));

        var slots = 0;
        Dictionary<string, long> before, after;
        do
        {
            before = await StateVersionsAsync(customer);
            await _scenario.KeepSending(customer, "checkout", TimeSpan.FromSeconds(AlertScenario.Telemetry.SlotSeconds));
            after = await StateVersionsAsync(customer);
            Assert.True(++slots <= 3, "the alert is raised within three slots of the grace's end");
        }
        while ((await _scenario.Alerts(customer)).Count == 0);

        Assert.Equal(1, Writes(before, after, "alerts"));
        Assert.Equal(0, Writes(before, after, "customer"));
        var document = await _scenario.Grains.GetGrain<ICustomerGrain>(customer).GetDocument();
        Assert.Equal([AlertReasons.Disrupted], document!.OpenAlerts.Select(a => a.Reason)); // the answer to Observe
    }

    [Fact]
    public async Task Acknowledging_writes_the_alert_grain_once_and_the_customer_hears_it_without_writing()
    {
        var customer = _scenario.Id("ack-cost");
        var alert = await _scenario.RaiseDisrupted(customer, "checkout", "dana");
        var before = await StateVersionsAsync(customer);

        var result = await _scenario.Grains.GetGrain<ICustomerAlertsGrain>(customer).Acknowledge(alert.Id, "dana", null);

        Assert.Null(result.Conflict);
        await Eventually.Until(
            () => _scenario.Grains.GetGrain<ICustomerGrain>(customer).GetDocument(),
            d => d!.OpenAlerts.Single().State == AlertStates.Acknowledged, AlertScenario.Deadline, "the customer document shows the acknowledgement");
        var after = await StateVersionsAsync(customer);
        Assert.Equal(1, Writes(before, after, "alerts"));
        Assert.Equal(0, Writes(before, after, "customer"));
    }

    private static long Writes(Dictionary<string, long> before, Dictionary<string, long> after, string state) =>
        after.GetValueOrDefault(state) - before.GetValueOrDefault(state);

    /// <summary>Per state name, the version of this customer's grain states (the customer's and its alert grain's).</summary>
    private async Task<Dictionary<string, long>> StateVersionsAsync(string customer)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(fixture.DataDirectory, "cxlive.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, version FROM grain_state WHERE grain_id IN ($customer, $alerts)";
        command.Parameters.AddWithValue("$customer", $"customer/{customer}");
        command.Parameters.AddWithValue("$alerts", $"customeralerts/{customer}");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }
}
