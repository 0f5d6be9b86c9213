namespace CxLive.Silo.Hosting;

public static class ClusteringKinds
{
    /// <summary>One silo on this machine; clients reach it on the gateway port.</summary>
    public const string Localhost = "Localhost";
}
