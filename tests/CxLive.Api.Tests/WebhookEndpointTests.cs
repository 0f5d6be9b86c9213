using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using CxLive.Grains.Abstractions.Alerts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Api.Tests;

public sealed class WebhookEndpointTests(WebhookEndpointTests.Factory factory) : IClassFixture<WebhookEndpointTests.Factory>
{
    private const string Secret = "pager-secret-never-shown";

    [Fact]
    public async Task Targets_are_listed_to_admins_without_secrets_or_url_credentials()
    {
        var response = await factory.CreateClient(CxLiveApiFactory.AdminKey).GetAsync("/api/v1/webhooks");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var target = JsonDocument.Parse(text).RootElement.GetProperty("items")[0];
        Assert.Equal("pager", target.GetProperty("name").GetString());
        Assert.Equal($"http://127.0.0.1:{factory.ClosedPort}/hook", target.GetProperty("endpoint").GetString());
        Assert.Equal("dana", target.GetProperty("owners")[0].GetString());
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user:pw", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_no_receiver_accepts_shows_up_in_the_dead_letters()
    {
        var id = "alert-" + Guid.NewGuid().ToString("N");
        var outbox = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.LegacyKey);
        await outbox.Enqueue(new AlertNotice { AlertId = id, Version = 1, Owner = "dana", Status = "firing", Change = "raised", AlertJson = "{}", At = DateTimeOffset.UtcNow });
        var client = factory.CreateClient(CxLiveApiFactory.AdminKey);

        var dead = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/dead-letters"),
            d => d.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("alertId").GetString() == id),
            TimeSpan.FromSeconds(20),
            "the delivery dead-lettered after its one allowed try");

        var item = dead.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("alertId").GetString() == id);
        Assert.Equal(("pager", "dead-letter", 1), (item.GetProperty("target").GetString(), item.GetProperty("state").GetString(), item.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("no answer", item.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    public sealed class Factory : CxLiveApiFactory
    {
        public int ClosedPort { get; } = FreePort.Next();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:MaxAttempts", "1");
            builder.UseSetting("Webhooks:Targets:0:Name", "pager");
            builder.UseSetting("Webhooks:Targets:0:Url", $"http://user:pw@127.0.0.1:{ClosedPort}/hook?token=abc");
            builder.UseSetting("Webhooks:Targets:0:Secret", Secret);
            builder.UseSetting("Webhooks:Targets:0:Owners:0", "dana");
        }
    }
}
