namespace CxLive.Grains.Abstractions.Health;

/// <summary>Answers when the cluster can run grains: the readiness probe's question.</summary>
[Alias("cxlive.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<string> Ping();
}
