using System.Net;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests;

public sealed class PlatformTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_every_public_route()
    {
        var json = await factory.CreateClient(CxLiveApiFactory.AdminKey).GetStringAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        foreach (var route in new[] { "/api/v1/customers/{id}", "/api/v1/touchpoints/{id}", "/api/v1/keys", "/api/v1/keys/{id}" })
        {
            Assert.True(paths.TryGetProperty(route, out var operations), $"{route} is missing from the OpenAPI document");
            foreach (var operation in operations.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {route} has no summary");
            }
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_served_to_a_key_and_refused_without_one()
    {
        var response = await factory.CreateClient(CxLiveApiFactory.AdminKey).GetAsync("/api/reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient(key: null).GetAsync("/api/reference")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient(key: null).GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Auth_PublicReference_opens_the_reference_pages_without_a_key()
    {
        await using var open = new CxLiveApiFactory().WithWebHostBuilder(b => b.UseSetting("Auth:PublicReference", "true"));
        var anonymous = open.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/reference")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/overview")).StatusCode);
    }

    [Fact]
    public async Task A_signalr_client_with_a_key_connects_and_subscribes()
    {
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        await hub.StartAsync();

        await hub.InvokeAsync("SubscribeOverview");
        await hub.InvokeAsync("SubscribeCustomer", "acme");
        await hub.InvokeAsync("SubscribeAccountManager", "dana");
        await hub.InvokeAsync("UnsubscribeCustomer", "acme");

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task A_subscription_with_a_bad_id_is_refused_with_the_reason()
    {
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeCustomer", "not valid"));
        Assert.Contains("may contain only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signalr_client_without_a_key_is_refused()
    {
        await using var hub = factory.CreateHubConnection(key: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
