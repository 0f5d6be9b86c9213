using CxLive.Domain.Alerts;
using CxLive.Grains.Alerts;
using CxLive.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

public static class AlertServices
{
    /// <summary>
    /// Account managers' alerts on a silo: options (section <c>Alerts</c>, validated at start-up with messages naming
    /// the setting), the rules, the webhook outbox as the notifier (unless one is registered already), and the alert
    /// index (after a restart, <see cref="Grains.Recovery.SiloRecovery"/> wakes the alert grains it places on silos gone).
    /// </summary>
    public static ISiloBuilder AddCxLiveAlerts(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddCxLiveOptions<AlertOptions, AlertOptionsValidator>(AlertOptions.SectionName);
        services.TryAddSingleton(sp => new AlertRules(sp.GetRequiredService<IOptions<AlertOptions>>().Value));
        services.TryAddSingleton<IAlertNotifier, OutboxAlertNotifier>();
        services.TryAddSingleton<AlertIndex>();
        return silo;
    }
}
