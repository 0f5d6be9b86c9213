namespace CxLive.Silo.Hosting;

/// <summary>Values of <c>Storage:Provider</c>: where grain state, the fleet index and reminders live.</summary>
public static class StorageProviders
{
    /// <summary>One SQLite file under <c>Storage:DataDirectory</c> (the embedded default; one silo only).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>Redis (<c>Storage:Redis</c>, else <c>Cluster:Redis</c>), shared by every silo of the cluster.</summary>
    public const string Redis = "Redis";

    public static IReadOnlyList<string> All { get; } = [Sqlite, Redis];
}
