using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests.Access;

/// <summary>
/// A key bound to one account manager, as that manager and as an attacker holding the key would use it: over every
/// route and a real SignalR client it sees its book (dana's customers) and never a byte about priya's.
/// </summary>
public sealed class BookScopingTests(AlertsApiFactory factory) : IClassFixture<AlertsApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private readonly HttpClient _admin = factory.CreateClient(CxLiveApiFactory.AdminKey);
    private readonly string _dana = NewId("dana");
    private readonly string _priya = NewId("priya");

    [Fact]
    public async Task A_key_bound_to_dana_sees_her_book_and_nothing_of_priya_s_over_rest()
    {
        var (ours, quiet, theirs) = (NewId("d1"), NewId("d2"), NewId("p1"));
        var ourAlert = await AlertDriver.RaiseDisruptedAsync(_admin, ours, _dana, Deadline);
        var theirAlert = await AlertDriver.RaiseDisruptedAsync(_admin, theirs, _priya, Deadline);
        await Profile(quiet, _dana, "Quiet Co");
        await Profile(theirs, _priya, "Priya's Secret Account");
        var key = await CreateKeyAsync(["read", "manage"], [_dana]);
        var dana = factory.CreateClient(key);
        var seen = new List<string>();

        async Task<JsonElement> Read(string path, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var response = await dana.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                seen.Add(body); // a refusal echoes only the id the caller sent, as for an id nobody has (below)
            }

            Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement;
        }

        var customers = await Read("/api/v1/customers?limit=5000");
        Assert.Equal([ours, quiet], Ids(customers, "customerId").Order());
        Assert.Equal(0, (await Read($"/api/v1/customers?accountManager={_priya}")).GetProperty("total").GetInt32());
        var hidden = await Read($"/api/v1/customers/{theirs}", HttpStatusCode.NotFound);
        var unknown = NewId("nobody");
        var absent = await Read($"/api/v1/customers/{unknown}", HttpStatusCode.NotFound);
        Assert.Equal(absent.GetProperty("detail").GetString()!.Replace(unknown, theirs, StringComparison.Ordinal), hidden.GetProperty("detail").GetString());
        Assert.Equal(ours, (await Read($"/api/v1/customers/{ours}")).GetProperty("customerId").GetString());

        Assert.Equal([ourAlert], Ids(await Read("/api/v1/alerts"), "id"));
        await Read($"/api/v1/alerts/{theirAlert}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await dana.PostAsJsonAsync($"/api/v1/alerts/{theirAlert}/ack", new { note = "not mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dana.PostAsJsonAsync($"/api/v1/alerts/{theirAlert}/resolve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dana.PostAsJsonAsync($"/api/v1/alerts/{ourAlert}/ack", new { note = "mine" })).StatusCode);
        Assert.Equal("open", (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{theirAlert}")).GetProperty("state").GetString());

        // The overview and scorecard count dana's two customers, one disrupted on checkout; the fleet has more.
        var overview = await Eventually.Until(
            () => Read("/api/v1/overview"), o => o.GetProperty("customersKnown").GetInt32() == 2 && Disrupted(o, "checkout") == 1, Deadline, "the book's overview");
        Assert.Equal(1, overview.GetProperty("customersDisrupted").GetInt32());
        await Eventually.Until(() => _admin.GetFromJsonAsync<JsonElement>("/api/v1/overview"), o => o.GetProperty("customersKnown").GetInt32() >= 3, Deadline, "the fleet's overview counting priya's customer too");
        var checkout = (await Read("/api/v1/scorecard")).GetProperty("touchpoints").EnumerateArray().Single(r => r.GetProperty("touchpoint").GetString() == "checkout");
        Assert.Equal(1, checkout.GetProperty("external").GetProperty("disruptedCustomers").GetInt32());
        Assert.Equal(1, (await Read("/api/v1/touchpoints/checkout")).GetProperty("overview").GetProperty("customers").GetProperty("disrupted").GetInt32());

        // Silences: its own customers only, never fleet-wide matchers; priya's are invisible and cannot be ended.
        var endsAt = DateTimeOffset.UtcNow.AddHours(1);
        Assert.Equal(HttpStatusCode.BadRequest, (await dana.PostAsJsonAsync("/api/v1/silences", new { touchpoint = "checkout", endsAt })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dana.PostAsJsonAsync("/api/v1/silences", new { customerId = theirs, endsAt })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await dana.PostAsJsonAsync("/api/v1/silences", new { customerId = ours, endsAt })).StatusCode);
        var theirSilence = await (await _admin.PostAsJsonAsync("/api/v1/silences", new { customerId = theirs, endsAt })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(theirs, Ids(await Read("/api/v1/silences?all=true"), "customerId"));
        Assert.Equal(HttpStatusCode.NotFound, (await dana.DeleteAsync($"/api/v1/silences/{theirSilence.GetProperty("id").GetString()}")).StatusCode);

        // Profiles: its book only, and it cannot hand a customer to another manager or take one.
        Assert.Equal(HttpStatusCode.NotFound, (await dana.PutAsJsonAsync($"/api/v1/customers/{theirs}", new { accountManager = _dana })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dana.PutAsJsonAsync($"/api/v1/customers/{ours}", new { accountManager = _priya })).StatusCode);
        Assert.Equal(_priya, (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{theirs}")).GetProperty("profile").GetProperty("accountManager").GetString());

        var me = await Read("/api/v1/me");
        Assert.Equal([_dana], me.GetProperty("accountManagers").EnumerateArray().Select(m => m.GetString()));
        await Read("/api/v1/webhooks/dead-letters");
        foreach (var body in seen)
        {
            Assert.DoesNotContain(theirs, body, StringComparison.Ordinal);
            Assert.DoesNotContain(_priya, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Priya's Secret Account", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bound_key_holds_read_and_manage_only_and_names_valid_managers()
    {
        var ingest = await _admin.PostAsJsonAsync("/api/v1/keys", new { name = NewId("k"), scopes = new[] { "read", "ingest" }, accountManagers = new[] { _dana } });
        var admin = await _admin.PostAsJsonAsync("/api/v1/keys", new { name = NewId("k"), scopes = new[] { "admin" }, accountManagers = new[] { _dana } });
        var badId = await _admin.PostAsJsonAsync("/api/v1/keys", new { name = NewId("k"), scopes = new[] { "read" }, accountManagers = new[] { "not an id" } });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { ingest.StatusCode, admin.StatusCode, badId.StatusCode });
        Assert.Contains("accountManagers[0]", await badId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/keys");
        Assert.All(listed.GetProperty("items").EnumerateArray(), k => Assert.Equal(JsonValueKind.Array, k.GetProperty("accountManagers").ValueKind));
    }

    [Fact]
    public async Task On_the_hub_a_bound_key_joins_only_its_book_hears_only_it_and_is_closed_once_revoked()
    {
        var (ours, theirs) = (NewId("d1"), NewId("p1"));
        await Profile(ours, _dana, "Dana's Account");
        await Profile(theirs, _priya, "Priya's Secret Account");
        var created = await (await _admin.PostAsJsonAsync("/api/v1/keys", new { name = NewId("hub"), scopes = new[] { "read" }, accountManagers = new[] { _dana } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var heard = new ConcurrentQueue<string>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = factory.CreateHubConnection(created.GetProperty("key").GetString());
        foreach (var method in new[] { "overview", "customerChanged", "alertRaised", "alertChanged" })
        {
            hub.On<JsonElement>(method, payload => heard.Enqueue(payload.GetRawText()));
        }

        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeOverview"));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeCustomers"));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeAccountManager", _priya));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeCustomer", theirs));
        await hub.InvokeAsync("SubscribeAccountManager", _dana);
        await hub.InvokeAsync("SubscribeBook");
        await hub.InvokeAsync("SubscribeCustomer", ours);

        // Both customers are disrupted and alerted; the hub tells dana's key about hers, and only hers.
        await AlertDriver.RaiseDisruptedAsync(_admin, theirs, _priya, Deadline);
        await AlertDriver.RaiseDisruptedAsync(_admin, ours, _dana, Deadline);
        await Eventually.Until(() => Task.FromResult(heard.ToList()), h => h.Any(m => m.Contains(ours, StringComparison.Ordinal) && m.Contains("\"reason\"", StringComparison.Ordinal)), Deadline, "dana's alert on the hub");
        await Eventually.Until(() => Task.FromResult(heard.ToList()), h => h.Any(m => m.Contains("\"touchpoints\"", StringComparison.Ordinal) && m.Contains(ours, StringComparison.Ordinal)), Deadline, "dana's customer's document on the hub");
        Assert.All(heard, message => Assert.DoesNotContain(theirs, message, StringComparison.Ordinal));
        Assert.All(heard, message => Assert.DoesNotContain(_priya, message, StringComparison.Ordinal));

        var revokedAt = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/keys/{created.GetProperty("id").GetString()}")).StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(DateTimeOffset.UtcNow - revokedAt < TimeSpan.FromSeconds(15));
    }

    private static int Disrupted(JsonElement overview, string touchpoint) =>
        overview.GetProperty("touchpoints").EnumerateArray().Where(t => t.GetProperty("touchpoint").GetString() == touchpoint)
            .Select(t => t.GetProperty("customers").GetProperty("disrupted").GetInt32()).FirstOrDefault();

    private static List<string> Ids(JsonElement list, string property) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "")];

    private async Task Profile(string customer, string manager, string name) =>
        (await _admin.PutAsJsonAsync($"/api/v1/customers/{customer}", new { name, annualRevenue = 80_000, accountManager = manager })).EnsureSuccessStatusCode();

    private async Task<string> CreateKeyAsync(string[] scopes, string[] managers)
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/keys", new { name = NewId("book"), scopes, accountManagers = managers });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
