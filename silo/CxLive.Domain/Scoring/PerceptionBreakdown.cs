namespace CxLive.Domain.Scoring;

/// <summary>Perception of one channel or program: responses (plain count), weighted NPS (-100..100) and CSAT share (0..1).</summary>
public sealed record PerceptionBreakdown(int Responses, double? Nps, double? Csat);
