namespace CxLive.Api.Hosting;

/// <summary>
/// Whether this api process can reach grains yet. In client mode it becomes true when the cluster client is
/// active; before that, requests that need grains get 503 with Retry-After instead of an error from deep inside.
/// </summary>
internal sealed class ClusterConnection : ILifecycleParticipant<IClusterClientLifecycle>
{
    private volatile bool _connected;

    public bool IsConnected => _connected;

    public static ClusterConnection AlwaysConnected() => new() { _connected = true };

    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe<ClusterConnection>(ServiceLifecycleStage.Active, _ =>
        {
            _connected = true;
            return Task.CompletedTask;
        });
}
