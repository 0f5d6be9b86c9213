namespace CxLive.Grains.Storage;

/// <summary>
/// A persisted state that is a checkpoint of what the grain rebuilds anyway (telemetry windows, alert memory): when
/// what is stored cannot be read (a torn or foreign blob), the grain starts from an empty one instead of never
/// activating again, losing at most what the checkpoint held. States that are the only copy of what users sent
/// (profiles, feedback, alerts) do not carry it: for them an unreadable row stays an error.
/// </summary>
public interface IRebuildableState;
