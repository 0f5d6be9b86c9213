namespace CxLive.Grains.Abstractions.Access;

/// <summary>What an API key may do (API.md, "Errors and access"). <c>admin</c> implies every other scope.</summary>
public static class ApiKeyScope
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Manage = "manage";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Manage, Admin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
