using CxLive.Domain;

namespace CxLive.Api.Access;

/// <summary>Who may call the api (section <c>Auth</c>).</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Auth";

    /// <summary>An admin key taken from configuration (e.g. <c>Auth__BootstrapKey</c>), to create the first keys with.</summary>
    public string? BootstrapKey { get; set; }

    /// <summary>
    /// Requests without a key from a loopback address get every scope but admin. Off unless enabled; the demo
    /// enables it. Announced at start-up.
    /// </summary>
    public bool AllowAnonymousLoopback { get; set; }

    /// <summary>
    /// Serves the OpenAPI document (<c>/openapi/v1.json</c>) and the reference page (<c>/api/reference</c>) without a
    /// key. Off by default: like every route but health, they need a key (or a keyless loopback caller).
    /// </summary>
    public bool PublicReference { get; set; }

    /// <summary>How long an api process may serve a key list before asking the registry again (revocations elsewhere).</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Auth:KeyCacheTtl must be between 00:00:01 and 01:00:00.")]
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(10);
}
