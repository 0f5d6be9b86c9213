namespace CxLive.Grains;

/// <summary>Names of the grain storage providers the grains ask for.</summary>
public static class StorageNames
{
    /// <summary>Durable grain state: SQLite in embedded mode, the cluster's store otherwise.</summary>
    public const string Default = "cxlive";
}
