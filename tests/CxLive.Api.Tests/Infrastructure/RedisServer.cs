using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// A real Debian <c>redis-server</c> on a free 127.0.0.1 port with its own folder, AOF on and fsync on every write
/// (so a kill -9 of Redis loses nothing acknowledged), no RDB snapshots. Killed and its folder deleted on dispose.
/// tests/run.sh installs the package when it is missing.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cxlive-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next());
        Directory.CreateDirectory(server._directory);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>kill -9, then a new server on the same port and folder: what survives is what the AOF held.</summary>
    public async Task RestartHardAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task LaunchAsync()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed; tests/run.sh installs it (apt-get install -y redis-server).");
        _process?.Dispose();
        _process = Process.Start(new ProcessStartInfo(binary,
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no", "--logfile", "",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await AnswersPingAsync(deadline.Token))
        {
            Assert.False(_process.HasExited, $"redis-server exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            Assert.False(deadline.IsCancellationRequested, $"redis-server did not answer PING on port {Port} within 20 s");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
