using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.LoadTool;

/// <summary>
/// Time to verdict through the live hub: a real SignalR client on /hubs/live subscribes to each injected customer
/// before the injection and records when a <c>customerChanged</c> document first shows the checkout row disrupted.
/// </summary>
internal sealed class HubVerdictWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly RunClock _clock;
    private readonly IReadOnlyList<string> _injected;
    private readonly HashSet<string> _injectedSet;
    private readonly ConcurrentDictionary<string, Detection> _detected = new(StringComparer.Ordinal);
    private long _messages;

    public HubVerdictWatcher(LoadOptions options, RunClock clock, IReadOnlyList<string> injected)
    {
        _clock = clock;
        _injected = injected;
        _injectedSet = new HashSet<string>(injected, StringComparer.Ordinal);
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(options.Url, "hubs/live"), http =>
            {
                // WebSockets straight to the --url (checked to be loopback): no negotiate round trip, no redirect elsewhere.
                http.Transports = HttpTransportType.WebSockets;
                http.SkipNegotiation = true;
                http.WebSocketConfiguration = socket => socket.Proxy = null;
                if (options.Key is { } key)
                {
                    http.AccessTokenProvider = () => Task.FromResult<string?>(key);
                }
            })
            .WithAutomaticReconnect()
            .Build();
        _connection.On<JsonElement>("customerChanged", OnCustomerChanged);
        _connection.Reconnected += _ => SubscribeAllAsync(CancellationToken.None);
    }

    public IReadOnlyDictionary<string, Detection> Detected => _detected;

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Why the hub could not be used; null while it works.</summary>
    public string? Error { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.StartAsync(cancellationToken);
            await SubscribeAllAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Error = "stopped before the hub connected";
        }
        catch (Exception e)
        {
            // Any failure to connect or subscribe leaves the API poll as the only verdict measurement; the report says why.
            Error = e.Message;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task SubscribeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var customerId in _injected)
        {
            await _connection.InvokeAsync("SubscribeCustomer", customerId, cancellationToken);
        }
    }

    private void OnCustomerChanged(JsonElement document)
    {
        Interlocked.Increment(ref _messages);
        var arrived = _clock.Elapsed;
        var arrivedUtc = DateTimeOffset.UtcNow;
        if (_clock.SinceInjection(arrived) is not { } since
            || document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty("customerId", out var idElement)
            || idElement.GetString() is not { } customerId
            || !_injectedSet.Contains(customerId)
            || _detected.ContainsKey(customerId)
            || !document.TryGetProperty("touchpoints", out var rows)
            || rows.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind == JsonValueKind.Object
                && row.TryGetProperty("touchpoint", out var touchpoint) && touchpoint.ValueEquals(TrafficPlan.Checkout)
                && row.TryGetProperty("disrupted", out var disrupted) && disrupted.ValueKind == JsonValueKind.True)
            {
                double? afterSince = row.TryGetProperty("disruptedSince", out var sinceElement)
                    && sinceElement.ValueKind == JsonValueKind.String
                    && sinceElement.TryGetDateTimeOffset(out var disruptedSince)
                        ? (arrivedUtc - disruptedSince).TotalMilliseconds
                        : null;
                _detected.TryAdd(customerId, new Detection(since, afterSince));
                return;
            }
        }
    }
}
