namespace CxLive.Domain.Alerts;

/// <summary>
/// How a customer's alert conditions moved since the last look: newly holding (raise, or fold into the open alert),
/// still holding with new evidence (fold), no longer holding (clear).
/// </summary>
public sealed record AlertEdges(IReadOnlyList<AlertCondition> Raised, IReadOnlyList<AlertCondition> Fresh, IReadOnlyList<string> Cleared)
{
    public static readonly AlertEdges None = new([], [], []);

    public bool IsEmpty => Raised.Count == 0 && Fresh.Count == 0 && Cleared.Count == 0;
}
