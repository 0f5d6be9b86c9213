using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

public static class AlertServices
{
    /// <summary>
    /// Account managers' alerts on a silo: options (section <c>Alerts</c>, validated at start-up with messages naming
    /// the setting), the rules, the webhook outbox as the notifier (unless one is registered already), and a start-up
    /// task that wakes the alert grains holding open alerts so their escalation timers run after a restart.
    /// </summary>
    public static ISiloBuilder AddCxLiveAlerts(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddValidatedOptions<AlertOptions>(AlertOptions.SectionName, o => o.Validate());
        services.TryAddSingleton(sp => new AlertRules(sp.GetRequiredService<IOptions<AlertOptions>>().Value));
        services.TryAddSingleton<IAlertNotifier, OutboxAlertNotifier>();
        silo.AddStartupTask((sp, _) => sp.GetRequiredService<IGrainFactory>().GetGrain<IAlertIndexGrain>(0).Wake());
        return silo;
    }
}
