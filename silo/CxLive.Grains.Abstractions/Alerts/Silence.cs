namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// Alerts matching every given matcher (customer, touchpoint, reason; at least one) are recorded but not delivered
/// until <see cref="EndsAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.Silence")]
public sealed record Silence
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? CustomerId { get; init; }
    [Id(2)] public string? Touchpoint { get; init; }
    [Id(3)] public string? Reason { get; init; }
    [Id(4)] public required DateTimeOffset StartsAt { get; init; }
    [Id(5)] public required DateTimeOffset EndsAt { get; init; }
    [Id(6)] public string? Comment { get; init; }
    [Id(7)] public required string CreatedBy { get; init; }

    public bool IsActive(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    public bool Matches(string customerId, string? touchpoint, string reason) =>
        (CustomerId is null || CustomerId == customerId)
        && (Touchpoint is null || Touchpoint == touchpoint)
        && (Reason is null || Reason == reason);
}
