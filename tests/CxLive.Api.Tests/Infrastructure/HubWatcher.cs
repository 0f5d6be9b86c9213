using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>A real SignalR client in one group of /hubs/live, keeping every alert push and customer document it hears, in order.</summary>
internal sealed class HubWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<AlertPushSeen> _alerts = new();
    private readonly ConcurrentQueue<JsonElement> _documents = new();

    private HubWatcher(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("alertRaised", a => _alerts.Enqueue(AlertPushSeen.Of("alertRaised", a)));
        _connection.On<JsonElement>("alertChanged", a => _alerts.Enqueue(AlertPushSeen.Of("alertChanged", a)));
        _connection.On<JsonElement>("customerChanged", d => _documents.Enqueue(d));
    }

    public static async Task<HubWatcher> StartAsync(CxLiveApiFactory factory, string subscribe, params object[] arguments)
    {
        var watcher = new HubWatcher(factory.CreateHubConnection(CxLiveApiFactory.AdminKey));
        await watcher._connection.StartAsync();
        await watcher._connection.InvokeCoreAsync(subscribe, arguments);
        return watcher;
    }

    public List<AlertPushSeen> Alerts(string id) => [.. _alerts.Where(a => a.Id == id)];

    public List<JsonElement> Documents() => [.. _documents];

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    internal sealed record AlertPushSeen(string Method, string Id, string State, int Version)
    {
        public static AlertPushSeen Of(string method, JsonElement alert) =>
            new(method, alert.GetProperty("id").GetString()!, alert.GetProperty("state").GetString()!, alert.GetProperty("version").GetInt32());
    }
}
