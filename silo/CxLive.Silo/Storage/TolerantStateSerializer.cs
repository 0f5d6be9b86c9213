using CxLive.Grains.Abstractions;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

/// <summary>
/// The grain storages' serializer (SQLite and Redis): Orleans' own, except that a stored blob that cannot be read is
/// an empty state for a checkpoint (<see cref="Grains.Storage.IRebuildableState"/>: the grain still activates, losing
/// what the checkpoint held) and a <see cref="StorageFailedException"/> (503) for any other state, never a crash.
/// </summary>
internal sealed partial class TolerantStateSerializer(IGrainStorageSerializer inner, ILogger<TolerantStateSerializer> logger) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => inner.Serialize(input);

    public T Deserialize<T>(BinaryData input)
    {
        try
        {
            return inner.Deserialize<T>(input) ?? Activator.CreateInstance<T>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (typeof(Grains.Storage.IRebuildableState).IsAssignableFrom(typeof(T)))
            {
                LogUnreadableCheckpoint(logger, typeof(T).Name, ex.GetType().Name);
                return Activator.CreateInstance<T>();
            }

            LogUnreadable(logger, typeof(T).Name, ex.GetType().Name);
            throw new StorageFailedException($"A stored {typeof(T).Name} cannot be read ({ex.GetType().Name}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored checkpoint ({StateType}) cannot be read ({Error}); its grain starts from an empty one")]
    private static partial void LogUnreadableCheckpoint(ILogger logger, string stateType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored {StateType} cannot be read ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string stateType, string error);
}
