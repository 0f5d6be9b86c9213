using System.Security.Claims;

namespace CxLive.Api.Access;

/// <summary>Who is calling, for histories: the API key's name, or <c>anonymous</c> on keyless loopback.</summary>
internal static class Caller
{
    public static string Name(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is "anonymous" or null
            ? "anonymous"
            : user.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
}
