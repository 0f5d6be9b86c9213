namespace CxLive.Api.Contracts;

/// <summary>The headline of SCORING.md 3: the share of complaints and detractors CxLive had flagged first.</summary>
public sealed record KnewFirstView(
    int Signals,
    int KnownFirst,
    double? Rate,
    double? MeanLeadSeconds);
