namespace CxLive.Grains;

/// <summary>This silo's key: how per-silo grains (the live feed) and the fleet index's "live on this silo" tags name it.</summary>
public sealed class LocalSilo(ILocalSiloDetails details)
{
    private string? _key;

    public string Key => _key ??= details.SiloAddress.ToParsableString();
}
