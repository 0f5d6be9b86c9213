namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>
/// Orders for GET /api/v1/customers?sort=: revenue, score, name (case-insensitive, its first 10 characters), id,
/// disruptedSince; '-' in front for descending. Ties go by customer id, in the same direction. Without a sort: the
/// disrupted first, then the most revenue, then by id. The customer index applies them.
/// </summary>
public static class CustomerSort
{
    public static IReadOnlyList<string> Keys { get; } = ["revenue", "score", "name", "id", "disruptedSince"];

    public static bool IsValid(string? sort) => sort is null || Keys.Contains(sort.TrimStart('-'), StringComparer.Ordinal);
}
