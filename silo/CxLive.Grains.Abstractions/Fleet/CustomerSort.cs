
namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Orders for GET /api/v1/customers?sort=: revenue, score, name, id, disruptedSince; '-' in front for descending.</summary>
public static class CustomerSort
{
    public static IReadOnlyList<string> Keys { get; } = ["revenue", "score", "name", "id", "disruptedSince"];

    public static bool IsValid(string? sort) => sort is null || Keys.Contains(sort.TrimStart('-'), StringComparer.Ordinal);

    public static IEnumerable<CustomerSummary> Apply(IEnumerable<CustomerSummary> customers, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        return (sort?.TrimStart('-')) switch
        {
            "revenue" => Order(customers, c => c.AnnualRevenue ?? 0, descending),
            "score" => Order(customers, c => c.ExperienceScore ?? double.MaxValue, descending),
            "name" => Order(customers, c => c.Name ?? c.CustomerId, descending, StringComparer.OrdinalIgnoreCase),
            "disruptedSince" => Order(customers, c => c.DisruptedSince ?? DateTimeOffset.MaxValue, descending),
            "id" => Order(customers, c => c.CustomerId, descending, StringComparer.Ordinal),
            // Default: the most revenue at stake first, disrupted before the rest.
            _ => customers.OrderByDescending(c => c.Disrupted).ThenByDescending(c => c.AnnualRevenue ?? 0).ThenBy(c => c.CustomerId, StringComparer.Ordinal),
        };
    }

    private static IOrderedEnumerable<CustomerSummary> Order<TKey>(IEnumerable<CustomerSummary> customers, Func<CustomerSummary, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        (descending ? customers.OrderByDescending(key, comparer) : customers.OrderBy(key, comparer)).ThenBy(c => c.CustomerId, StringComparer.Ordinal);
}
