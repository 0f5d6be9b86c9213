using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Recovery;

/// <summary>The customer directory grain's checkpoint in builds before the fleet index; read once, then cleared. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.DirectoryState")]
public sealed class LegacyDirectoryState
{
    [Id(0)] public List<CustomerSummary> Customers { get; set; } = [];
}

/// <summary>The alert index grain's state in builds before the fleet index; read once, then cleared. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.AlertIndexState")]
public sealed class LegacyAlertIndexState
{
    [Id(0)] public Dictionary<string, AlertSummary> Alerts { get; set; } = new(StringComparer.Ordinal);
}
