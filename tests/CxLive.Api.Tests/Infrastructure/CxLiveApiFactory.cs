using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// The api in embedded mode, in memory, with its own silo ports, its own SQLite folder and a known admin key.
/// </summary>
public class CxLiveApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>Fixed, so quadrants do not depend on which other tests' customers share the fixture.</summary>
    public const double RevenueThreshold = 100_000;

    /// <summary>Small by default, so tests can reach it; a subclass may take the product's default.</summary>
    protected virtual long BodyLimit => MaxBodyBytes;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cxlive-api-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Cluster:ServiceId", "api-tests-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:BootstrapKey", AdminKey);
        builder.UseSetting("RateLimits:ReadRequestsPerSecond", "1000000"); // limits per key are RateLimitTests'; the others bulk-load
        builder.UseSetting("RateLimits:IngestRequestsPerSecond", "1000000");
        builder.UseSetting("Scoring:RevenueThreshold", RevenueThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:MaxBodyBytes", BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public HttpClient CreateClient(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A real SignalR client for /hubs/live, over the in-memory server.</summary>
    public HubConnection CreateHubConnection(string? key) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (key is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(key);
                }
            })
            .Build();

    /// <summary>Awaits /health/ready: the silo answers and live pushes flow.</summary>
    public Task WaitUntilReadyAsync() =>
        Eventually.Until(
            async () => (await CreateClient(key: null).GetAsync("/health/ready")).StatusCode,
            status => status == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "/health/ready answers 200");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
