namespace CxLive.Api.Hosting;

/// <summary>This api process has not reached the cluster yet (client mode, during start-up).</summary>
internal sealed class ClusterNotConnectedException() : Exception("The cluster client has not connected yet.");
