using System.Diagnostics;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Deploy;

/// <summary>What the api's Dockerfile relies on: <c>dotnet publish</c> of the api carries the dashboard and its own settings.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publishing_the_api_carries_the_dashboard_and_the_apis_own_settings()
    {
        using var output = new TempDirectory();
        var configuration = typeof(PublishTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var project = Path.Combine(CxLiveProcess.RepositoryRoot(), "api", "CxLive.Api", "CxLive.Api.csproj");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", output.Path, "-p:SkipDashboard=true"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var log = await process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{log}");

        var index = Path.Combine(output.Path, "wwwroot", "index.html");
        Assert.True(File.Exists(index), $"no dashboard in the publish:\n{log}");
        Assert.Contains("<script", await File.ReadAllTextAsync(index), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output.Path, "wwwroot", "assets"), "*.js"));
        Assert.Contains("\"Hosting\"", await File.ReadAllTextAsync(Path.Combine(output.Path, "appsettings.json")), StringComparison.Ordinal);
    }
}
