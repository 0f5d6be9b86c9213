using System.Collections.Frozen;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Access;

/// <summary>
/// This process's view of the key registry: a frozen map from key hash to key, refreshed when older than
/// <see cref="AccessOptions.KeyCacheTtl"/>, on an unknown key (at most once a second), and at once after a change here.
/// </summary>
internal sealed class ApiKeyDirectory(IGrainFactory grains, IOptions<AccessOptions> options, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly string? _bootstrapHash = string.IsNullOrEmpty(options.Value.BootstrapKey) ? null : ApiKeySecret.Hash(options.Value.BootstrapKey);
    private volatile Entry _entry = new(FrozenDictionary<string, ApiKey>.Empty, DateTimeOffset.MinValue);

    public static readonly ApiKey Bootstrap = new()
    {
        Id = "bootstrap",
        Name = "Auth:BootstrapKey",
        SecretHash = "",
        Scopes = [ApiKeyScope.Admin],
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private IApiKeyRegistryGrain Registry => grains.ApiKeyRegistry();

    /// <summary>The live key for <paramref name="key"/>, or null when it is unknown or revoked.</summary>
    public async ValueTask<ApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(key);
        if (_bootstrapHash is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(_bootstrapHash)))
        {
            return Bootstrap;
        }

        var entry = _entry;
        var age = clock.GetUtcNow() - entry.LoadedAt;
        if (age > options.Value.KeyCacheTtl || (!entry.Keys.ContainsKey(hash) && age > MissRefreshInterval))
        {
            entry = await RefreshAsync(entry, cancellationToken);
        }

        return entry.Keys.TryGetValue(hash, out var record) && record.RevokedAt is null ? record : null;
    }

    public async Task<ApiKeySnapshot> AddAsync(ApiKey record)
    {
        var snapshot = await Registry.Add(record);
        Replace(snapshot);
        return snapshot;
    }

    public async Task<bool> RevokeAsync(string id)
    {
        var revoked = await Registry.Revoke(id);
        Replace(await Registry.GetSnapshot());
        return revoked;
    }

    public Task<ApiKeySnapshot> ListAsync() => Registry.GetSnapshot();

    /// <summary>
    /// Whether the key with this id still stands (not revoked, not gone), from a view at most
    /// <see cref="AccessOptions.KeyCacheTtl"/> old: how live connections learn of a revocation made anywhere.
    /// </summary>
    public async ValueTask<bool> StandsAsync(string id, CancellationToken cancellationToken)
    {
        if (id == Bootstrap.Id)
        {
            return _bootstrapHash is not null;
        }

        var entry = _entry;
        if (clock.GetUtcNow() - entry.LoadedAt > options.Value.KeyCacheTtl)
        {
            entry = await RefreshAsync(entry, cancellationToken);
        }

        return entry.Keys.Values.Any(k => k.Id == id && k.RevokedAt is null);
    }

    public void Dispose() => _refreshLock.Dispose();

    private async Task<Entry> RefreshAsync(Entry seen, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(seen, _entry))
            {
                return _entry; // someone refreshed meanwhile
            }

            return Replace(await Registry.GetSnapshot().WaitAsync(cancellationToken));
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private Entry Replace(ApiKeySnapshot snapshot)
    {
        var entry = new Entry(snapshot.Keys.ToFrozenDictionary(k => k.SecretHash, StringComparer.Ordinal), clock.GetUtcNow());
        _entry = entry;
        return entry;
    }

    private sealed record Entry(FrozenDictionary<string, ApiKey> Keys, DateTimeOffset LoadedAt);
}
