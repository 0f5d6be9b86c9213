using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests;

public sealed class AccessTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    [Fact]
    public async Task A_request_without_a_key_is_401_with_a_problem_saying_how_to_send_one()
    {
        var response = await factory.CreateClient(key: null).GetAsync("/api/v1/customers/acme");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_key_is_401()
    {
        var response = await factory.CreateClient("cxl_nope_wrong").GetAsync("/api/v1/customers/acme");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_key_works_within_its_scopes_until_it_is_revoked()
    {
        var admin = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "dashboard", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("cxl_", key, StringComparison.Ordinal);

        var reader = factory.CreateClient(key);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/customers/never-seen")).StatusCode);
        var forbidden = await reader.PutJson("/api/v1/customers/acme", new { name = "Acme" });
        await ProblemAssert.IsProblem(forbidden, HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{id}")).StatusCode);
        await ProblemAssert.IsProblem(await reader.GetAsync("/api/v1/customers/never-seen"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_x_api_key_header_is_accepted_too()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", CxLiveApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/customers/never-seen")).StatusCode);
    }

    [Fact]
    public async Task Listing_keys_never_shows_secrets_or_hashes()
    {
        var admin = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { name = "sender", scopes = new[] { "ingest" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var list = await admin.GetStringAsync("/api/v1/keys");

        Assert.Contains(created.GetProperty("id").GetString()!, list, StringComparison.Ordinal);
        Assert.DoesNotContain(created.GetProperty("key").GetString()!, list, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Keys_need_the_admin_scope_and_valid_scopes()
    {
        var admin = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var invalid = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "x", scopes = new[] { "superuser" } });
        var problem = await ProblemAssert.IsProblem(invalid, HttpStatusCode.BadRequest);
        Assert.Contains("superuser", problem.GetProperty("errors").GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);

        var manager = (await (await admin.PostAsJsonAsync("/api/v1/keys", new { name = "m", scopes = new[] { "manage", "read" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var denied = await factory.CreateClient(manager).PostAsJsonAsync("/api/v1/keys", new { name = "y", scopes = new[] { "read" } });
        await ProblemAssert.IsProblem(denied, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_probes_need_no_key_but_metrics_do()
    {
        var anonymous = factory.CreateClient(key: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        var metrics = await factory.CreateClient(CxLiveApiFactory.AdminKey).GetStringAsync("/metrics");
        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
    }
}
