namespace CxLive.Domain.Alerts;

/// <summary>A reason for an alert that holds now, with the touchpoints it concerns (most telling first) and a title.</summary>
public sealed record AlertCondition(string Reason, IReadOnlyList<string> Touchpoints, string Title)
{
    public string? Touchpoint => Touchpoints.Count > 0 ? Touchpoints[0] : null;
}
