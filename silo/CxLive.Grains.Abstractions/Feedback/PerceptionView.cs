namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>A customer's (or touchpoint's) perception: recency-weighted NPS, CSAT, CES, with plain counts and breakdowns.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.PerceptionView")]
public sealed record PerceptionView
{
    [Id(0)] public double? Nps { get; init; }
    [Id(1)] public double? Csat { get; init; }
    [Id(2)] public double? Ces { get; init; }
    [Id(3)] public int Responses { get; init; }
    [Id(4)] public int Promoters { get; init; }
    [Id(5)] public int Detractors { get; init; }
    [Id(6)] public int Complaints { get; init; }
    [Id(7)] public int Praise { get; init; }
    [Id(8)] public double? Score { get; init; }
    [Id(9)] public IReadOnlyDictionary<string, BreakdownView> ByChannel { get; init; } = new Dictionary<string, BreakdownView>();
    [Id(10)] public IReadOnlyDictionary<string, BreakdownView> ByProgram { get; init; } = new Dictionary<string, BreakdownView>();
}

[GenerateSerializer, Immutable, Alias("cxlive.BreakdownView")]
public sealed record BreakdownView([property: Id(0)] int Responses, [property: Id(1)] double? Nps, [property: Id(2)] double? Csat);
