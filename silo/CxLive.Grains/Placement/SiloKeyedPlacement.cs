using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace CxLive.Grains.Placement;

/// <summary>
/// One activation per silo: a grain keyed by a silo's key (<see cref="LocalSilo.Key"/>) lives on that silo. For the
/// per-silo parts of fleet-wide views (the live feed), so that a grain's changes reach it without leaving its silo.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("cxlive.SiloKeyedPlacement")]
public sealed class SiloKeyedPlacement : PlacementStrategy
{
}

/// <summary>Places the grain on the silo its key names (<see cref="SiloKeyedPlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyedPlacementAttribute() : PlacementAttribute(new SiloKeyedPlacement());

/// <summary>
/// The silo named by the grain's key when it is one of the compatible silos; else (a silo that is gone) this silo, so
/// that a late call lands harmlessly instead of failing placement.
/// </summary>
public sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var compatible = context.GetCompatibleSilos(target);
        var named = Parse(target.GrainIdentity.Key.ToString());
        if (named is not null && compatible.Contains(named))
        {
            return Task.FromResult(named);
        }

        return Task.FromResult(compatible.Contains(context.LocalSilo) || compatible.Length == 0 ? context.LocalSilo : compatible[0]);
    }

    private static SiloAddress? Parse(string? key)
    {
        try
        {
            return key is null ? null : SiloAddress.FromParsableString(key);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
