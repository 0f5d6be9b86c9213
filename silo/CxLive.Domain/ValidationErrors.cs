namespace CxLive.Domain;

/// <summary>
/// Collects what was wrong with an input, keyed by where (a JSON path such as <c>annualRevenue</c> or <c>[3].timestamp</c>).
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    public void RequireId(string? id, string field)
    {
        if (EntityId.Problem(id) is { } problem)
        {
            Add(field, $"'{field}' {problem}.");
        }
    }

    public void RequireOptionalText(string? text, string field, int maxLength)
    {
        if (text is not null && text.Length > maxLength)
        {
            Add(field, $"'{field}' is longer than {maxLength} characters.");
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
