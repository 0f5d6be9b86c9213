using System.Security.Cryptography;
using System.Text;

namespace CxLive.Api.Access;

/// <summary>
/// API keys look like <c>cxl_{id}_{secret}</c>. Only the SHA-256 of the whole key is stored: the secret has 256
/// random bits, so a fast hash is enough and a lookup costs one hash.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "cxl_";

    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
