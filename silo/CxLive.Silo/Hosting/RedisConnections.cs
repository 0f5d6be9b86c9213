using System.Collections.Concurrent;
using StackExchange.Redis;

namespace CxLive.Silo.Hosting;

/// <summary>
/// This process's Redis connections, one multiplexer per connection string, shared by membership, grain storage,
/// reminders and the fleet index (a multiplexer is meant to be shared; each provider making its own would multiply
/// sockets). Connections retry in the background instead of failing start-up while Redis restarts.
/// </summary>
public sealed class RedisConnections : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectionMultiplexer>>> _connections = new(StringComparer.Ordinal);

    public Task<IConnectionMultiplexer> ConnectAsync(string connectionString) => ConnectAsync(ConfigurationOptions.Parse(connectionString));

    public Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options)
    {
        var key = options.ToString(includePassword: true);
        return _connections.GetOrAdd(key, _ => new Lazy<Task<IConnectionMultiplexer>>(() => OpenAsync(options.Clone()))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
        {
            try
            {
                await (await connection.Value).DisposeAsync();
            }
            catch (RedisException)
            {
                // never connected: nothing to close
            }
        }

        _connections.Clear();
    }

    private static async Task<IConnectionMultiplexer> OpenAsync(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
