using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

[GenerateSerializer, Alias("cxlive.AlertIndexState")]
public sealed class AlertIndexState
{
    /// <summary>Every alert not resolved and the most recent resolved ones, by id.</summary>
    [Id(0)] public Dictionary<string, AlertSummary> Alerts { get; set; } = new(StringComparer.Ordinal);
}
