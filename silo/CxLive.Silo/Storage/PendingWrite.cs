namespace CxLive.Silo.Storage;

/// <summary>A grain state write or clear waiting for the writer lane; <see cref="Payload"/> null means clear.</summary>
internal sealed class PendingWrite(GrainId grainId, string stateName, long? expectedVersion, byte[]? payload) : LaneWork
{
    public GrainId GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public long? ExpectedVersion { get; } = expectedVersion;

    public byte[]? Payload { get; } = payload;

    /// <summary>The stored version after the commit (the new ETag).</summary>
    public long Version { get; private set; }

    public override Exception? Apply(LaneContext lane)
    {
        var (version, error) = lane.GrainStatements.Apply(this, lane.Now);
        Version = version;
        return error;
    }
}
