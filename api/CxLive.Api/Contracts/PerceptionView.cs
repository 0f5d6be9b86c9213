namespace CxLive.Api.Contracts;

/// <summary>A customer's (or touchpoint's) perception: recency-weighted NPS, CSAT, CES, with plain counts and breakdowns.</summary>
public sealed record PerceptionView
{
    public double? Nps { get; init; }
    public double? Csat { get; init; }
    public double? Ces { get; init; }
    public int Responses { get; init; }
    public int Promoters { get; init; }
    public int Detractors { get; init; }
    public int Complaints { get; init; }
    public int Praise { get; init; }
    public double? Score { get; init; }
    public IReadOnlyDictionary<string, BreakdownView> ByChannel { get; init; } = new Dictionary<string, BreakdownView>();
    public IReadOnlyDictionary<string, BreakdownView> ByProgram { get; init; } = new Dictionary<string, BreakdownView>();
}
public sealed record BreakdownView(int Responses, double? Nps, double? Csat);
