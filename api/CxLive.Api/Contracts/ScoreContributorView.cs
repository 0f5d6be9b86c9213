namespace CxLive.Api.Contracts;

/// <summary>One line of a score's explanation: "checkout disrupted -22".</summary>
public sealed record ScoreContributorView(string Label, string? Touchpoint, double Points);
