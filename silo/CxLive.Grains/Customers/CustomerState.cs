using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Grains.Customers;

/// <summary>What a customer grain persists. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public DateTimeOffset? ProfileUpdatedAt { get; set; }
}
