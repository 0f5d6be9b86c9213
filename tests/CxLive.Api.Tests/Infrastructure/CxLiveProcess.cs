using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// A real CxLive process (the api or the standalone silo) started from its build output, on 127.0.0.1,
/// killed hard or stopped when disposed. Its output is kept for failure messages.
/// </summary>
internal sealed class CxLiveProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CxLiveProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static CxLiveProcess StartApi(IReadOnlyDictionary<string, string> environment, int? port = null) =>
        Start(Path.Combine("api", "CxLive.Api"), "CxLive.Api.dll", environment, port ?? FreePort.Next());

    public static CxLiveProcess StartSilo(IReadOnlyDictionary<string, string> environment, int? port = null) =>
        Start(Path.Combine("silo", "CxLive.Silo"), "CxLive.Silo.dll", environment, port ?? FreePort.Next());

    /// <summary>Waits for /health/ready to answer 200, failing with the process output if it does not in time.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Assert.False(_process.HasExited, $"the process exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health/ready", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                Assert.Fail($"not ready within {timeout}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"not ready within {timeout}:\n{Output}");
            }
        }
    }

    public int ProcessId => _process.Id;

    /// <summary>
    /// SIGTERM, as Kubernetes or systemd stop a process, and waits for it to exit by itself. Returns what it printed
    /// from the moment it was asked to stop.
    /// </summary>
    public async Task<string> StopGracefullyAsync(TimeSpan timeout)
    {
        var before = Output.Length;
        Assert.Equal(0, SendSignal(_process.Id, Sigterm));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the process did not stop within {timeout} of SIGTERM:\n{Output[before..]}");
        }

        return Output[before..];
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: no shutdown hooks, no flush; only what was durable survives.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static CxLiveProcess Start(string projectDirectory, string assembly, IReadOnlyDictionary<string, string> environment, int port)
    {
        var configuration = typeof(CxLiveProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(output, assembly)])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var started = new CxLiveProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CxLive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CxLive.sln not found above " + AppContext.BaseDirectory);
    }
}
