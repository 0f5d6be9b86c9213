namespace CxLive.Api.Contracts;

/// <summary>
/// Alerts matching every given matcher (customer, touchpoint, reason; at least one) are recorded but not delivered
/// until <see cref="EndsAt"/>.
/// </summary>
public sealed record Silence
{
    public required string Id { get; init; }
    public string? CustomerId { get; init; }
    public string? Touchpoint { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public string? Comment { get; init; }
    public required string CreatedBy { get; init; }
}
