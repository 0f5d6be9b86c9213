using CxLive.Grains.Abstractions.Access;

namespace CxLive.Api.Access;

/// <summary>Authorization policies, one per scope, named after it.</summary>
internal static class AccessPolicies
{
    public const string Ingest = ApiKeyScope.Ingest;
    public const string Read = ApiKeyScope.Read;
    public const string Manage = ApiKeyScope.Manage;
    public const string Admin = ApiKeyScope.Admin;
}
