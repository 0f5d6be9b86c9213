using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CxLive.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Access;

/// <summary>
/// Reads the key from <c>Authorization: Bearer</c>, <c>X-Api-Key</c>, or (for the hub's WebSocket, where browsers
/// cannot set headers) the <c>access_token</c> query parameter.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyDirectory keys,
    IOptions<AccessOptions> access,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private static readonly string[] AnonymousScopes = [ApiKeyScope.Ingest, ApiKeyScope.Read, ApiKeyScope.Manage];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return access.Value.AllowAnonymousLoopback && IsLoopback(Context.Connection.RemoteIpAddress)
                ? Success("anonymous", "anonymous (loopback)", AnonymousScopes, [])
                : AuthenticateResult.NoResult();
        }

        var record = await keys.FindAsync(key, Context.RequestAborted);
        return record is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : Success(record.Id, record.Name, record.Scopes, record.AccountManagers);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required",
                Detail = failed
                    ? "The API key is unknown or revoked."
                    : $"Send a key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "The API key lacks the scope this route needs",
                Detail = $"This key has: {string.Join(", ", Context.User.FindAll(ScopeRequirement.ClaimType).Select(c => c.Value))}.",
            },
        });
    }

    private static AuthenticateResult Success(string id, string name, IEnumerable<string> scopes, IEnumerable<string> accountManagers)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name) };
        claims.AddRange(scopes.Select(s => new Claim(ScopeRequirement.ClaimType, s)));
        claims.AddRange(accountManagers.Select(m => new Claim(Caller.BookClaimType, m)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    internal static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfEmpty(authorization["Bearer ".Length..].Trim());
        }

        if (request.Headers.TryGetValue(HeaderName, out var header))
        {
            return NullIfEmpty(header.ToString().Trim());
        }

        return request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            ? NullIfEmpty(request.Query["access_token"].ToString())
            : null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
