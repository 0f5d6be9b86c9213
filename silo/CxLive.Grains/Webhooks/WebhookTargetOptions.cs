namespace CxLive.Grains.Webhooks;

/// <summary>One webhook receiver (an element of <c>Webhooks:Targets</c>).</summary>
public sealed class WebhookTargetOptions
{
    /// <summary>Unique name; the only thing about the target that logs, metrics and delivery records show.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute http or https URL the alert changes are POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>Key of the <c>X-CxLive-Signature</c> HMAC-SHA256; the receiver holds the same secret.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Owners (account managers) whose alerts this target gets; empty for every alert.</summary>
    public List<string> Owners { get; set; } = [];

    public bool Receives(string owner) => Owners.Count == 0 || Owners.Contains(owner, StringComparer.Ordinal);

    /// <summary>The URL fit to show: scheme, host, port and path, without user info or query.</summary>
    public string Endpoint() => new Uri(Url).GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
