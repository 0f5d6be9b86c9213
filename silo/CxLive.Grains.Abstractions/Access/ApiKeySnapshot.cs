namespace CxLive.Grains.Abstractions.Access;

/// <summary>All keys at one version; api processes cache it and refresh when the version moves.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ApiKeySnapshot")]
public sealed record ApiKeySnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ApiKey> Keys);
