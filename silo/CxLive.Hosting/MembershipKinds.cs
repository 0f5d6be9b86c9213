namespace CxLive.Hosting;

/// <summary>Values of <c>Cluster:Membership</c>: how silos and api processes find each other.</summary>
public static class MembershipKinds
{
    /// <summary>One silo on this machine; clients reach it on the gateway port (the embedded default).</summary>
    public const string Localhost = "Localhost";

    /// <summary>Any number of silos and api processes, finding each other in Redis (<c>Cluster:Redis</c>).</summary>
    public const string Redis = "Redis";

    public static IReadOnlyList<string> All { get; } = [Localhost, Redis];
}
