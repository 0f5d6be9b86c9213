namespace CxLive.Grains.Abstractions;

/// <summary>
/// A storage driver's failure, in a form that crosses grain calls: driver exceptions have no Orleans codec,
/// so callers would see a codec error instead of the cause (ORLEANS-NOTES.md).
/// </summary>
[GenerateSerializer, Alias("cxlive.StorageFailedException")]
public sealed class StorageFailedException : OrleansException
{
    public StorageFailedException()
    {
    }

    public StorageFailedException(string message)
        : base(message)
    {
    }

    public StorageFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
