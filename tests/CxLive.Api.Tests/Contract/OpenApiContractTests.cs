using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Contract;

/// <summary>
/// The dashboard's wire types are generated (openapi-typescript, on every dashboard build) from
/// <c>dashboard/openapi/v1.json</c>; this test holds that copy to the document the api serves, so the two cannot drift.
/// After a deliberate change of the api's types, refresh the copy with
/// <c>CXLIVE_WRITE_OPENAPI=1 dotnet test tests/CxLive.Api.Tests --filter OpenApiContractTests</c> (the run still
/// fails, once, to say it wrote it) and rebuild the dashboard.
/// </summary>
public sealed class OpenApiContractTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_dashboards_copy_of_the_openapi_document_is_the_one_the_api_serves()
    {
        using var client = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(RepositoryRoot(), "dashboard", "openapi", "v1.json");
        var copy = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path)) : null;

        if (!JsonNode.DeepEquals(served, copy) && Environment.GetEnvironmentVariable("CXLIVE_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Indented) + "\n");
            Assert.Fail($"wrote {path}: rebuild the dashboard (npm run build) and run the tests again");
        }

        Assert.True(
            JsonNode.DeepEquals(served, copy),
            $"the api's /openapi/v1.json differs from {path}, which the dashboard's types are generated from; " +
            "refresh it with CXLIVE_WRITE_OPENAPI=1 dotnet test tests/CxLive.Api.Tests --filter OpenApiContractTests");
    }

    [Fact]
    public async Task Numbers_are_described_as_the_api_writes_them()
    {
        using var client = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var overview = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!["OverviewDocument"]!["properties"]!;

        Assert.Equal("integer", overview["customersActive"]!["type"]!.GetValue<string>());
        Assert.Null(overview["customersActive"]!["pattern"]);
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CxLive.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("CxLive.sln not found above the test's folder");
    }
}
