using CxLive.Grains;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxLive.Silo.Hosting;

public static class FleetServices
{
    /// <summary>
    /// The fleet-wide views' side of a silo: the customer index (over the storage's <see cref="Grains.Index.IFleetIndex"/>),
    /// this silo's key and the placement of per-silo grains on it, the revenue line the quadrants use (refreshed from the index every few seconds), and the
    /// hand-over of a gone silo's grains (<see cref="Grains.Recovery.SiloRecovery"/>).
    /// </summary>
    public static IServiceCollection AddCxLiveFleet(this IServiceCollection services)
    {
        services.TryAddSingleton<LocalSilo>();
        services.AddPlacementDirector<Grains.Placement.SiloKeyedPlacement, Grains.Placement.SiloKeyedPlacementDirector>();

        services.TryAddSingleton<CustomerIndex>();
        services.TryAddSingleton<RevenueThreshold>();
        services.AddCxLiveCustomers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RevenueThreshold>(sp => sp.GetRequiredService<RevenueThreshold>()));
        services.TryAddSingleton<Grains.Recovery.SiloRecovery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Grains.Recovery.LegacyStateMigration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Grains.Recovery.SiloRecovery>(sp => sp.GetRequiredService<Grains.Recovery.SiloRecovery>()));
        return services;
    }
}
