using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxLive.Grains.Tests.Webhooks;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>Checks a received webhook as a receiver must: the HMAC over the exact body bytes first, then the JSON.</summary>
internal static class SignedWebhook
{
    public static JsonElement Verify(ReceivedWebhook post, string secret)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), post.Body));
        Assert.True(
            post.Signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(post.Signature)),
            $"X-CxLive-Signature of {post.AlertId} v{post.Version} is the HMAC-SHA256 of its body");
        using var document = JsonDocument.Parse(post.Body);
        return document.RootElement.Clone();
    }
}
