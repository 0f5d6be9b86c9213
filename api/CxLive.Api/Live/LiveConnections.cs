using System.Collections.Concurrent;
using CxLive.Api.Access;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Api.Live;

/// <summary>
/// The hub connections of this process by the key that opened them, so that a revoked key's connections close: every
/// <see cref="CheckInterval"/> each key with a connection is looked up (a revocation made here is seen at once, one
/// made on another api process within <c>Auth:KeyCacheTtl</c>), and a connection whose key no longer stands is aborted.
/// </summary>
internal sealed partial class LiveConnections(ApiKeyDirectory keys, ILogger<LiveConnections> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (string KeyId, HubCallerContext Context)> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User is { } user && Caller.KeyId(user) is { } keyId && keyId != "anonymous")
        {
            _connections[context.ConnectionId] = (keyId, context);
        }
    }

    public void Remove(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CloseRevokedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    internal async Task CloseRevokedAsync(CancellationToken cancellationToken)
    {
        if (_connections.IsEmpty)
        {
            return;
        }

        try
        {
            var standing = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (connectionId, (keyId, context)) in _connections)
            {
                if (!standing.TryGetValue(keyId, out var stands))
                {
                    stands = await keys.StandsAsync(keyId, cancellationToken);
                    standing[keyId] = stands;
                }

                if (!stands && _connections.TryRemove(connectionId, out _))
                {
                    context.Abort();
                    LogClosed(logger, keyId);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, ex.GetType().Name); // the next check tries again
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a live connection of revoked key {KeyId}")]
    private static partial void LogClosed(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The keys of live connections could not be checked ({Error}); trying again")]
    private static partial void LogCheckFailed(ILogger logger, string error);
}
