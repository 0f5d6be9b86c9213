namespace CxLive.ServiceDefaults;

/// <summary>Tags that sort health checks into the two probes.</summary>
public static class HealthTags
{
    /// <summary>The process runs: /health/live.</summary>
    public const string Live = "live";

    /// <summary>The process can serve: /health/ready.</summary>
    public const string Ready = "ready";
}
