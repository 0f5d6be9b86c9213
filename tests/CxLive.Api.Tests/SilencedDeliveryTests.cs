using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests;

/// <summary>Issue 5: "a silence stops delivery and is visible on the alert", against a real receiver and a real SignalR client.</summary>
public sealed class SilencedDeliveryTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task A_silenced_alert_is_recorded_and_listed_but_neither_pushed_nor_posted_while_an_unsilenced_one_is()
    {
        var manager = NewId("am");
        var quiet = NewId("quiet");
        var loud = NewId("loud");
        var created = await _client.PostAsJsonAsync("/api/v1/silences", new { customerId = quiet, endsAt = DateTimeOffset.UtcNow.AddHours(1), comment = "planned migration" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silenceId = Text(await created.Content.ReadFromJsonAsync<JsonElement>(), "id");
        var raised = new ConcurrentQueue<JsonElement>();
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        hub.On<JsonElement>("alertRaised", a => raised.Enqueue(a));
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeAccountManager", manager);

        var silenced = await AlertDriver.RaiseDisruptedAsync(_client, quiet, manager, Deadline);
        var loudId = await AlertDriver.RaiseDisruptedAsync(_client, loud, manager, Deadline);
        // The loud alert came after the quiet one, through the same pushes and the same outbox: once it has arrived,
        // anything the quiet one had sent would have been seen.
        await Eventually.Until(() => Task.FromResult(raised.ToList()), r => r.Exists(a => Text(a, "id") == loudId), Deadline, "alertRaised for the unsilenced alert");
        await Eventually.Until(() => Task.FromResult(factory.Receiver.For(loudId)), p => p.Count > 0, Deadline, "a webhook POST for the unsilenced alert");

        var listed = Assert.Single((await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?customerId={quiet}")).GetProperty("items").EnumerateArray());
        Assert.Equal(silenced, Text(listed, "id"));
        Assert.True(listed.GetProperty("silenced").GetBoolean());
        Assert.Equal(silenceId, Text(listed, "silenceId"));
        Assert.Equal("open", Text(listed, "state"));
        Assert.Empty(listed.GetProperty("delivery").EnumerateArray());
        Assert.Contains(listed.GetProperty("history").EnumerateArray(), h => Text(h, "action") == "silenced");
        Assert.DoesNotContain(raised, a => Text(a, "id") == silenced);
        Assert.Empty(factory.Receiver.For(silenced));

        var loudAlert = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{loudId}");
        Assert.False(loudAlert.GetProperty("silenced").GetBoolean());
        var delivery = Assert.Single(loudAlert.GetProperty("delivery").EnumerateArray());
        Assert.Equal(("receiver", 1), (Text(delivery, "target"), delivery.GetProperty("version").GetInt32()));
        var body = SignedWebhook.Verify(factory.Receiver.For(loudId)[0], WebhookApiFactory.Secret);
        Assert.Equal(loudId, Text(body.GetProperty("alert"), "id"));
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
