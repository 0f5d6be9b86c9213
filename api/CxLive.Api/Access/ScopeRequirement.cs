using CxLive.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Authorization;

namespace CxLive.Api.Access;

/// <summary>The caller's key carries <see cref="Scope"/>, or admin.</summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public const string ClaimType = "scope";

    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasClaim(ClaimType, requirement.Scope) || context.User.HasClaim(ClaimType, ApiKeyScope.Admin))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
