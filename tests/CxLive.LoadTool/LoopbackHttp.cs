using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CxLive.LoadTool;

/// <summary>HttpClients for the run: pooled connections, no proxy, no redirects, and sockets that connect to loopback only.</summary>
internal static class LoopbackHttp
{
    public static HttpClient Create(LoadOptions options, int maxConnections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectLoopbackAsync,
        };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.Url, Timeout = timeout };
        if (options.Key is { } key)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async ValueTask<Stream> ConnectLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var target = Array.Find(addresses, LoopbackGuard.IsLoopback)
            ?? throw new HttpRequestException($"Refusing to connect to {context.DnsEndPoint.Host}: load only goes to 127.0.0.0/8 or ::1.");
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
