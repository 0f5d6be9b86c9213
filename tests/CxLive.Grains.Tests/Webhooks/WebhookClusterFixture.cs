using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>
/// A test cluster whose outbox delivers to real receivers on 127.0.0.1: <c>everyone</c> (global), <c>acme-desk</c>
/// (owner <see cref="AcmeOwner"/> only) and <c>nowhere</c> (owner <see cref="NowhereOwner"/>, a port nothing listens on).
/// The alert grains hand their changes to this outbox, as in production.
/// </summary>
public sealed class WebhookClusterFixture : ClusterFixture
{
    public const string AcmeOwner = "am-acme";
    public const string NowhereOwner = "am-nowhere";
    public const string EveryoneSecret = "everyone-secret-0123456789";
    public const int MaxAttempts = 4;

    internal WebhookReceiver Everyone { get; private set; } = null!;

    internal WebhookReceiver Acme { get; private set; } = null!;

    /// <summary>The outbox of customer <c>acme</c>, whose notices the tests enqueue.</summary>
    public IWebhookOutboxGrain Outbox => Cluster.GrainFactory.GetGrain<IWebhookOutboxGrain>("acme");

    /// <summary>The outbox an alert's changes go to: its customer's.</summary>
    public IWebhookOutboxGrain OutboxOf(string alertId) => Cluster.GrainFactory.GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.KeyOf(alertId));

    public IWebhookDirectoryGrain Directory => Cluster.GrainFactory.WebhookDirectory();

    protected override bool RecordsNotices => false;

    public override async Task InitializeAsync()
    {
        Everyone = await WebhookReceiver.StartAsync();
        Acme = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Everyone.DisposeAsync();
        await Acme.DisposeAsync();
    }

    /// <summary>
    /// Checks <paramref name="probe"/> until it holds, moving the grain clock on between checks (unless
    /// <paramref name="moveClock"/> is false) so that retry back-offs, which wait on that clock, pass at once.
    /// Fails with <paramref name="expected"/> after 20 s.
    /// </summary>
    public async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string expected, bool moveClock = true)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var last = await probe();
        while (!condition(last))
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"{expected} (not within 20 s; last seen: {string.Join(", ", last)})");
            }

            if (moveClock)
            {
                Clock.Advance(TimeSpan.FromSeconds(2));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
            last = await probe();
        }

        return last;
    }

    /// <summary>The deliveries of one alert once none is pending.</summary>
    public Task<IReadOnlyList<WebhookDelivery>> Settled(string alertId, int deliveries) => Until(
        () => Outbox.GetDeliveries(alertId),
        d => d.Count == deliveries && d.All(x => x.State != WebhookDeliveryStates.Pending),
        $"{deliveries} settled deliveries of {alertId}");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        new Dictionary<string, string?>
        {
            ["Webhooks:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Webhooks:FirstRetryDelaySeconds"] = "1",
            ["Webhooks:MaxRetryDelaySeconds"] = "2",
            ["Webhooks:Targets:0:Name"] = "everyone",
            ["Webhooks:Targets:0:Url"] = Everyone.Url.ToString(),
            ["Webhooks:Targets:0:Secret"] = EveryoneSecret,
            ["Webhooks:Targets:1:Name"] = "acme-desk",
            ["Webhooks:Targets:1:Url"] = Acme.Url.ToString(),
            ["Webhooks:Targets:1:Secret"] = "acme-secret",
            ["Webhooks:Targets:1:Owners:0"] = AcmeOwner,
            ["Webhooks:Targets:2:Name"] = "nowhere",
            ["Webhooks:Targets:2:Url"] = $"http://127.0.0.1:{ClosedPort().ToString(CultureInfo.InvariantCulture)}/hook",
            ["Webhooks:Targets:2:Secret"] = "nowhere-secret",
            ["Webhooks:Targets:2:Owners:0"] = NowhereOwner,
        };

    /// <summary>A notice as an alert grain hands it over.</summary>
    public static AlertNotice Notice(string alertId, int version, string owner = "am-other", string status = "firing", string change = "raised") => new()
    {
        AlertId = alertId,
        Version = version,
        Owner = owner,
        Status = status,
        Change = change,
        Labels = new Dictionary<string, string> { ["customerId"] = "acme", ["reason"] = "disrupted" },
        Annotations = new Dictionary<string, string> { ["summary"] = "Acme disrupted on checkout", ["link"] = "/customers/acme" },
        AlertJson = JsonSerializer.Serialize(new { id = alertId, version, state = "open", evidence = new { revenue = 120000 } }),
        At = new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero),
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
