using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using CxLive.Grains.Tests.Webhooks;

namespace CxLive.Api.Tests;

/// <summary>
/// Issue 5's webhook acceptance line with real processes: the api (embedded silo) started from its build output and
/// killed with SIGKILL, and a Kestrel receiver on 127.0.0.1 that goes down and comes back on the same port.
/// </summary>
public sealed class WebhookProcessTests
{
    private const string Key = "webhook-process-admin-key-42";
    private const string Secret = "process-test-webhook-secret-7";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_receiver_gets_the_signed_change_and_after_downtime_and_a_kill_9_restart_each_change_exactly_once()
    {
        using var data = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var environment = Settings(data.Path, receiver.Url);
        var port = FreePort.Next();
        var customer = "hooked-" + Guid.NewGuid().ToString("N")[..8];
        var id = $"{customer}:disrupted:1";

        await using (var first = CxLiveProcess.StartApi(environment, port))
        {
            await first.WaitUntilReadyAsync(StartTimeout);
            using var client = Client(first);
            (await client.PutAsJsonAsync($"/api/v1/customers/{customer}", new { annualRevenue = 80_000, accountManager = "dana" })).EnsureSuccessStatusCode();
            await TelemetryEvents.PostAsync(client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 40));

            var raised = await Eventually.Until(() => Task.FromResult(receiver.For(id)), p => p.Count > 0, Deadline, $"a webhook POST for {id}\n{first.Output}");
            var body = SignedWebhook.Verify(raised[0], Secret);
            Assert.Equal(("firing", "raised", 1), (Text(body, "status"), Text(body, "change"), body.GetProperty("version").GetInt32()));
            Assert.Equal(id, Text(body.GetProperty("alert"), "id"));
            Assert.Equal(customer, Text(body.GetProperty("labels"), "customerId"));

            // The outbox has recorded the 2xx (a crash before that would repeat the POST: delivery is at least once).
            await DeliveriesUntil(client, id, d => d.Count == 1 && State(d[0]) == "delivered", "version 1 shown as delivered on the alert");

            await receiver.StopAsync();
            var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "calling them" });
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            var failing = await DeliveriesUntil(
                client, id, d => d.Count == 2 && d[1].GetProperty("attempts").GetInt32() >= 1, "a failed try of version 2 while the receiver is down");
            Assert.Equal(("pending", 2), (State(failing[1]), failing[1].GetProperty("version").GetInt32()));
            await first.KillHardAsync();
        }

        await using var second = CxLiveProcess.StartApi(environment, port);
        await second.WaitUntilReadyAsync(StartTimeout);
        await receiver.StartAgainAsync();
        using var again = Client(second);

        var acknowledged = await Eventually.Until(
            () => Task.FromResult(receiver.For(id).Where(p => p.Version == 2).ToList()), p => p.Count > 0, Deadline, $"version 2 of {id} after the restart\n{second.Output}");
        var ackBody = SignedWebhook.Verify(acknowledged[0], Secret);
        Assert.Equal(("firing", "acknowledged"), (Text(ackBody, "status"), Text(ackBody, "change")));
        Assert.Equal("acknowledged", Text(ackBody.GetProperty("alert"), "state"));
        var deliveries = await DeliveriesUntil(again, id, d => d.Count == 2 && d.All(x => State(x) == "delivered"), "both versions shown as delivered");
        Assert.True(deliveries[1].GetProperty("attempts").GetInt32() >= 2, "version 2 was tried before the restart and delivered after it");

        var posts = receiver.All();
        Assert.All(posts, p => Assert.Equal(200, p.AnsweredWith));
        Assert.Equal([1, 2], posts.Where(p => p.AlertId == id).Select(p => p.Version));
        Assert.All(posts.GroupBy(p => (p.AlertId, p.Version)), g => Assert.Single(g));
    }

    private static async Task<List<JsonElement>> DeliveriesUntil(HttpClient client, string id, Func<List<JsonElement>, bool> condition, string expected) =>
        await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}")).GetProperty("delivery").EnumerateArray().ToList(),
            condition,
            Deadline,
            expected);

    private static Dictionary<string, string> Settings(string dataDirectory, Uri receiver) => new()
    {
        ["Storage__DataDirectory"] = dataDirectory,
        ["Auth__BootstrapKey"] = Key,
        ["Cluster__ServiceId"] = "webhooks-" + Guid.NewGuid().ToString("N"),
        ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Scoring__RevenueThreshold"] = CxLiveApiFactory.RevenueThreshold.ToString(CultureInfo.InvariantCulture),
        ["Alerts__DisruptedGrace"] = "00:00:01",
        ["Alerts__RevenueFloor"] = AlertsApiFactory.RevenueFloor.ToString(CultureInfo.InvariantCulture),
        ["Alerts__UpdateInterval"] = "01:00:00",
        ["Webhooks__Targets__0__Name"] = "receiver",
        ["Webhooks__Targets__0__Url"] = receiver.ToString(),
        ["Webhooks__Targets__0__Secret"] = Secret,
        ["Webhooks__MaxAttempts"] = "100",
        ["Webhooks__FirstRetryDelaySeconds"] = "0.2",
        ["Webhooks__MaxRetryDelaySeconds"] = "1",
    };

    private static HttpClient Client(CxLiveProcess process)
    {
        var client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    private static string State(JsonElement delivery) => Text(delivery, "state");

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
