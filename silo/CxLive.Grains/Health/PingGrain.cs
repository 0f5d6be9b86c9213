using CxLive.Grains.Abstractions.Health;
using Orleans.Concurrency;

namespace CxLive.Grains.Health;

/// <summary>Runs on any silo; answering proves the cluster can activate grains.</summary>
[StatelessWorker]
internal sealed class PingGrain : Grain, IPingGrain
{
    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}
