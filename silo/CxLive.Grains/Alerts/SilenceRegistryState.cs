using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

[GenerateSerializer, Alias("cxlive.SilenceRegistryState")]
public sealed class SilenceRegistryState
{
    [Id(0)] public List<Silence> Silences { get; set; } = [];
}
