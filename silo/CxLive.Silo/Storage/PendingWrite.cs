namespace CxLive.Silo.Storage;

/// <summary>A write or clear waiting for the writer lane; <see cref="Payload"/> null means clear.</summary>
internal sealed record PendingWrite(GrainId GrainId, string StateName, long? ExpectedVersion, byte[]? Payload)
{
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
