using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Api.Live;

/// <summary>Ready only when live pushes can flow: the bridge's observer is subscribed to the feed.</summary>
internal sealed class LiveBridgeHealthCheck(LiveBridge bridge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bridge.IsSubscribed
            ? HealthCheckResult.Healthy("subscribed to the live feed")
            : HealthCheckResult.Unhealthy("not subscribed to the live feed yet"));
}
