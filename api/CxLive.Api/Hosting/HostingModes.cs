namespace CxLive.Api.Hosting;

internal static class HostingModes
{
    /// <summary>The api co-hosts the silo: one process, state in SQLite under Storage:DataDirectory.</summary>
    public const string Embedded = "Embedded";

    /// <summary>The api is an Orleans client of silos started elsewhere (silo/CxLive.Silo).</summary>
    public const string Client = "Client";
}
