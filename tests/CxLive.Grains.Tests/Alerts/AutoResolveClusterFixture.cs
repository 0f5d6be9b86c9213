using CxLive.Domain.Alerts;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>The alerts cluster with Alerts:AutoResolve on.</summary>
public sealed class AutoResolveClusterFixture : AlertsClusterFixture
{
    protected override void ConfigureAlerts(AlertOptions options) => options.AutoResolve = true;
}
