namespace CxLive.Api.Tests.Infrastructure;

/// <summary>The api with the product's body limit (8 MiB), for batches of thousands of events.</summary>
public sealed class FullSizeApiFactory : CxLiveApiFactory
{
    protected override long BodyLimit => 8L * 1024 * 1024;
}
