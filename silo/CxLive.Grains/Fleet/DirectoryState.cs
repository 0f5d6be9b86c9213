using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Fleet;

/// <summary>The customer directory's checkpoint. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.DirectoryState")]
public sealed class DirectoryState
{
    [Id(0)] public List<CustomerSummary> Customers { get; set; } = [];
}
