using CxLive.Grains.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Hosting;

/// <summary>
/// Ready when a grain answers: in embedded mode that means the silo is active; in client mode, that the
/// cluster client is connected and a silo serves it.
/// </summary>
public sealed class ClusterReadyHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silo = await grains.PingGrain().Ping().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"cluster answered from {silo}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the cluster did not answer: {ex.GetType().Name}");
        }
    }
}
