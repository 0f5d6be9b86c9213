using System.Security.Claims;

namespace CxLive.Api.Access;

/// <summary>
/// Who is calling: the API key's name for histories (<c>anonymous</c> on keyless loopback), and the book it may see:
/// the account managers a key is bound to, or null for a key that sees the whole fleet.
/// </summary>
internal static class Caller
{
    /// <summary>One claim per account manager the key is bound to.</summary>
    public const string BookClaimType = "cxlive:account-manager";

    public static string Name(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is "anonymous" or null
            ? "anonymous"
            : user.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    /// <summary>The key's id (for its live connections), or null without a key.</summary>
    public static string? KeyId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The account managers whose customers the caller may see; null: every customer.</summary>
    public static IReadOnlyList<string>? Book(ClaimsPrincipal user)
    {
        var managers = user.FindAll(BookClaimType).Select(c => c.Value).ToList();
        return managers.Count == 0 ? null : managers;
    }

    /// <summary>Whether the caller may see what belongs to <paramref name="accountManagers"/> (any of them).</summary>
    public static bool Sees(ClaimsPrincipal user, params ReadOnlySpan<string?> accountManagers)
    {
        if (Book(user) is not { } book)
        {
            return true;
        }

        foreach (var manager in accountManagers)
        {
            if (manager is not null && book.Contains(manager, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
