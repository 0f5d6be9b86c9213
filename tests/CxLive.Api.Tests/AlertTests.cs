using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Tests;

/// <summary>Issue 5 through the public API and a real SignalR client.</summary>
public sealed class AlertTests(AlertsApiFactory factory) : IClassFixture<AlertsApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task A_disrupted_customer_s_account_manager_hears_alertRaised_once_and_alertChanged_on_ack()
    {
        var customer = NewId("e2e");
        var manager = NewId("am");
        await Profile(customer, revenue: 80_000, manager);
        var raised = new ConcurrentQueue<JsonElement>();
        var changed = new ConcurrentQueue<JsonElement>();
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        hub.On<JsonElement>("alertRaised", a => raised.Enqueue(a));
        hub.On<JsonElement>("alertChanged", a => changed.Enqueue(a));
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeAccountManager", manager);

        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 40));
        await Eventually.Until(() => Task.FromResult(raised.Count), n => n > 0, Deadline, "alertRaised for the account manager");
        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 40));

        var listed = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?accountManager={manager}");
        var alert = Assert.Single(listed.GetProperty("items").EnumerateArray());
        var id = alert.GetProperty("id").GetString()!;
        Assert.Equal($"{customer}:disrupted:1", id);
        Assert.Equal(("disrupted", "critical", "open", manager), (Text(alert, "reason"), Text(alert, "severity"), Text(alert, "state"), Text(alert, "accountManager")));
        Assert.Equal(JsonValueKind.Array, alert.GetProperty("delivery").ValueKind);
        Assert.Equal($"/customers/{customer}", alert.GetProperty("evidence").GetProperty("link").GetString());
        Assert.Contains(alert.GetProperty("evidence").GetProperty("touchpoints").EnumerateArray(), r => Text(r, "touchpoint") == "checkout" && r.GetProperty("disrupted").GetBoolean());

        var ack = await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "calling them now" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", Text(acknowledged, "state"));
        var entry = acknowledged.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("acknowledged", "Auth:BootstrapKey", "calling them now"), (Text(entry, "action"), Text(entry, "by"), Text(entry, "note")));

        var pushed = await Eventually.Until(
            () => Task.FromResult(changed.Where(c => Text(c, "state") == "acknowledged").ToList()), c => c.Count > 0, Deadline, "alertChanged after the ack");
        Assert.Equal(id, Text(pushed[0], "id"));
        Assert.Single(raised); // pushes are ordered: a second alertRaised would have come before the ack's alertChanged
        var document = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}");
        Assert.Contains(document.GetProperty("openAlerts").EnumerateArray(), a => Text(a, "id") == id);
    }

    [Fact]
    public async Task Each_alert_change_reaches_each_watching_group_once()
    {
        var customer = NewId("groups");
        var manager = NewId("am");
        await Profile(customer, revenue: 90_000, manager);
        var watchers = new Dictionary<string, HubWatcher>(StringComparer.Ordinal)
        {
            ["overview"] = await HubWatcher.StartAsync(factory, "SubscribeOverview"),
            ["account manager"] = await HubWatcher.StartAsync(factory, "SubscribeAccountManager", manager),
            ["customer"] = await HubWatcher.StartAsync(factory, "SubscribeCustomer", customer),
        };
        try
        {
            var id = await RaiseAsync(customer, manager);
            (await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "on it" })).EnsureSuccessStatusCode();
            (await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "fixed" })).EnsureSuccessStatusCode();

            foreach (var (group, watcher) in watchers.Where(w => w.Key != "customer"))
            {
                // Pushes to a group keep their order, so once the resolve is seen every earlier change has arrived.
                await Eventually.Until(() => Task.FromResult(watcher.Alerts(id)), a => a.Any(p => p.State == "resolved"), Deadline, $"the resolve pushed to the {group} group");
                var pushes = watcher.Alerts(id);
                Assert.Equal(["open", "acknowledged", "resolved"], pushes.Select(p => p.State).Distinct());
                Assert.Equal(pushes.Count, pushes.Select(p => p.Version).Distinct().Count()); // no change pushed twice
                Assert.Equal(1, pushes.Count(p => p.Method == "alertRaised"));
                Assert.Equal(1, pushes.Count(p => p.State == "acknowledged"));
            }

            // The customer's watchers hear its documents (never the alert pushes), each change once.
            var customerWatcher = watchers["customer"];
            var resolvedSeen = await Eventually.Until(
                () => Task.FromResult(customerWatcher.Documents()), d => ListedThenGone(d, id), Deadline, "a customer document listing the alert, then one without it");
            Assert.Empty(customerWatcher.Alerts(id));
            var payloads = resolvedSeen.Select(doc => doc.GetRawText()).ToList();
            Assert.Equal(payloads.Count, payloads.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            foreach (var watcher in watchers.Values)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Alerts_filter_by_state_account_manager_and_customer_and_resolving_is_final()
    {
        var customer = NewId("filter");
        var manager = NewId("am");
        var id = await RaiseAsync(customer, manager);

        Assert.Empty(await Items($"/api/v1/alerts?state=resolved&customerId={customer}"));
        Assert.Empty(await Items($"/api/v1/alerts?accountManager={NewId("nobody")}"));
        Assert.Single(await Items($"/api/v1/alerts?state=open&customerId={customer}"));

        var resolve = await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "partner fixed checkout" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.Single(await Items($"/api/v1/alerts?state=resolved&customerId={customer}&accountManager={manager}"));
        Assert.Empty(await Items($"/api/v1/alerts?state=open&customerId={customer}"));

        var ackResolved = await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { note = "late" });
        var problem = await ProblemAssert.IsProblem(ackResolved, HttpStatusCode.Conflict);
        Assert.Contains("resolved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblem(await _client.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Alert_routes_answer_problems_for_bad_input_and_unknown_ids()
    {
        var badState = await ProblemAssert.IsProblem(await _client.GetAsync("/api/v1/alerts?state=firing"), HttpStatusCode.BadRequest);
        Assert.True(badState.GetProperty("errors").TryGetProperty("state", out _));
        await ProblemAssert.IsProblem(await _client.PostAsJsonAsync("/api/v1/alerts/nope/ack", new { }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _client.PostAsJsonAsync($"/api/v1/alerts/{NewId("ghost")}:disrupted:7/resolve", new { }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _client.GetAsync($"/api/v1/alerts/{NewId("ghost")}:at-risk:1"), HttpStatusCode.NotFound);
        var longNote = await ProblemAssert.IsProblem(
            await _client.PostAsJsonAsync($"/api/v1/alerts/{NewId("ghost")}:disrupted:1/ack", new { note = new string('n', 2001) }), HttpStatusCode.BadRequest);
        Assert.True(longNote.GetProperty("errors").TryGetProperty("note", out _));

        var reader = await CreateKeyAsync("read");
        var forbidden = await factory.CreateClient(reader).PostAsJsonAsync("/api/v1/alerts/x:disrupted:1/ack", new { });
        await ProblemAssert.IsProblem(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(reader).GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task Silences_are_created_listed_applied_and_deleted()
    {
        var customer = NewId("quiet");
        var created = await _client.PostAsJsonAsync("/api/v1/silences", new { customerId = customer, endsAt = DateTimeOffset.UtcNow.AddHours(2), comment = "planned migration" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var silenceId = Text(silence, "id");
        Assert.Equal(("Auth:BootstrapKey", customer), (Text(silence, "createdBy"), Text(silence, "customerId")));
        Assert.Contains(await Items("/api/v1/silences"), s => Text(s, "id") == silenceId);

        var id = await RaiseAsync(customer, NewId("am"));
        var alert = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.True(alert.GetProperty("silenced").GetBoolean());
        Assert.Equal(silenceId, Text(alert, "silenceId"));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/silences/{silenceId}")).StatusCode);
        Assert.DoesNotContain(await Items("/api/v1/silences?all=true"), s => Text(s, "id") == silenceId);
        await ProblemAssert.IsProblem(await _client.DeleteAsync($"/api/v1/silences/{silenceId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_silence_is_a_problem_naming_each_field()
    {
        var empty = await ProblemAssert.IsProblem(await _client.PostAsJsonAsync("/api/v1/silences", new { }), HttpStatusCode.BadRequest);
        var errors = empty.GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _));
        Assert.True(errors.TryGetProperty("endsAt", out _));

        var wrong = await ProblemAssert.IsProblem(
            await _client.PostAsJsonAsync("/api/v1/silences", new { reason = "bored", endsAt = DateTimeOffset.UtcNow.AddMinutes(-1) }), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True(wrong.GetProperty("errors").TryGetProperty("endsAt", out _));
    }

    [Fact]
    public async Task A_bad_alert_setting_stops_the_start_naming_the_setting()
    {
        await using var broken = new CxLiveApiFactory().WithWebHostBuilder(b => b.UseSetting("Alerts:EscalationAfter", "00:00:00"));

        var failure = Assert.Throws<OptionsValidationException>(() => broken.CreateClient());

        Assert.Contains("Alerts:EscalationAfter", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A document that lists the alert among the customer's open ones, and a later one that no longer does.</summary>
    private static bool ListedThenGone(List<JsonElement> documents, string id)
    {
        var listed = documents.FindIndex(d => d.GetProperty("openAlerts").EnumerateArray().Any(a => Text(a, "id") == id));
        return listed >= 0 && documents.Skip(listed + 1).Any(d => d.GetProperty("openAlerts").EnumerateArray().All(a => Text(a, "id") != id));
    }

    private Task<string> RaiseAsync(string customer, string manager) => AlertDriver.RaiseDisruptedAsync(_client, customer, manager, Deadline);

    private async Task Profile(string customer, double revenue, string manager) =>
        (await _client.PutAsJsonAsync($"/api/v1/customers/{customer}", new { annualRevenue = revenue, accountManager = manager })).EnsureSuccessStatusCode();

    private async Task<List<JsonElement>> Items(string path) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray()];

    private async Task<string> CreateKeyAsync(string scope)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/keys", new { name = NewId("key"), scopes = new[] { scope } });
        response.EnsureSuccessStatusCode();
        return Text(await response.Content.ReadFromJsonAsync<JsonElement>(), "key");
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
