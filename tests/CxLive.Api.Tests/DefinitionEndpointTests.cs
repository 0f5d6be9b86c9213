using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests;

public sealed class DefinitionEndpointTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task A_customer_profile_put_is_read_back()
    {
        var id = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var put = await _client.PutJson($"/api/v1/customers/{id}", new
        {
            name = "Acme",
            segment = "enterprise",
            annualRevenue = 120000,
            potentialRevenue = 300000,
            accountManager = "dana",
            tags = new[] { "eu", "priority" },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var document = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

        Assert.Equal(id, document.GetProperty("customerId").GetString());
        var profile = document.GetProperty("profile");
        Assert.Equal("Acme", profile.GetProperty("name").GetString());
        Assert.Equal(120000, profile.GetProperty("annualRevenue").GetDouble());
        Assert.Equal("dana", profile.GetProperty("accountManager").GetString());
        Assert.Equal(["eu", "priority"], profile.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(JsonValueKind.Null, document.GetProperty("quadrant").ValueKind);
    }

    [Fact]
    public async Task A_touchpoint_definition_put_is_read_back()
    {
        var put = await _client.PutJson("/api/v1/touchpoints/checkout", new
        {
            name = "Checkout",
            journeyStage = "purchase",
            journeyOrder = 4,
            owner = "payments-team",
            latencyThresholdMs = 800,
            sloTarget = 0.995,
            weight = 3,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var document = await _client.GetFromJsonAsync<JsonElement>("/api/v1/touchpoints/checkout");

        Assert.Equal("checkout", document.GetProperty("touchpoint").GetString());
        var definition = document.GetProperty("definition");
        Assert.Equal(800, definition.GetProperty("latencyThresholdMs").GetDouble());
        Assert.Equal(0.995, definition.GetProperty("sloTarget").GetDouble());
        Assert.Equal("payments-team", definition.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        await ProblemAssert.IsProblem(await _client.GetAsync("/api/v1/customers/never-seen"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _client.GetAsync("/api/v1/touchpoints/never-seen"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_fields_are_400_naming_each_field()
    {
        var response = await _client.PutJson("/api/v1/touchpoints/search", new { sloTarget = 1.5, latencyThresholdMs = -3, weight = 1 });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("sloTarget", out _));
        Assert.True(errors.TryGetProperty("latencyThresholdMs", out _));
        Assert.False(errors.TryGetProperty("weight", out _));
    }

    [Fact]
    public async Task An_id_with_forbidden_characters_is_400()
    {
        var response = await _client.PutJson("/api/v1/customers/bad%20id", new { name = "x" });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Malformed_json_is_400_saying_where()
    {
        using var content = new StringContent("{\"name\": \"Acme\",", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PutAsync("/api/v1/customers/acme", content);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not valid JSON", problem.GetProperty("title").GetString());
        Assert.Contains("line 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_400_naming_the_field()
    {
        using var content = new StringContent("{\"annualRevenue\": \"lots\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PutAsync("/api/v1/customers/acme", content);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("annualRevenue", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_body_over_the_management_limit_is_413()
    {
        var huge = new string('x', (int)CxLiveApiFactory.MaxBodyBytes + 1);
        var response = await _client.PutJson("/api/v1/customers/acme", new { name = huge });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Ingest:MaxManageBodyBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
