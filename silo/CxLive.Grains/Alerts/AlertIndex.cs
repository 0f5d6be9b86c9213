using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Index;
using Orleans.Serialization;

namespace CxLive.Grains.Alerts;

/// <summary>
/// Every alert in brief in the fleet index (<see cref="IFleetIndex"/>), written by the customer's alert grain after
/// each change: the owners' inboxes and the filters of GET /api/v1/alerts, counts by state, and which silo holds the
/// grain of each alert not yet resolved (its escalation timer and webhook hand-over must run), so that the grains of a
/// silo that died are woken elsewhere. No grain holds every alert.
/// </summary>
public sealed class AlertIndex(IFleetIndex index, Serializer<AlertSummary> serializer)
{
    public const string Name = "alerts";
    private const string SiloTag = "silo:";

    /// <summary>Writes the alert's row; <paramref name="silo"/>, the silo holding its grain, is kept only while it is not resolved.</summary>
    public Task Write(AlertSummary alert, string silo) => index.Upsert(Name, Row(alert, silo));

    public Task Forget(string alertId) => index.Delete(Name, alertId);

    public static IReadOnlyList<string> Tags(AlertSummary alert, string? silo)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var tags = new List<string>(5) { "state:" + alert.State, "customer:" + alert.CustomerId, "owner:" + alert.AccountManager };
        if (alert.EscalatedTo is { } escalatedTo && escalatedTo != alert.AccountManager)
        {
            tags.Add("owner:" + escalatedTo);
        }

        if (silo is not null && alert.State != AlertStates.Resolved)
        {
            tags.Add(SiloTag + silo);
        }

        return tags;
    }

    /// <summary>Newest first; <see cref="AlertQuery.AccountManager"/> matches the owner or the escalation owner.</summary>
    public async Task<IReadOnlyList<AlertSummary>> Query(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tags = new List<string>(3);
        if (query.State is { } state)
        {
            tags.Add("state:" + state);
        }

        if (query.AccountManager is { } owner)
        {
            tags.Add("owner:" + owner);
        }

        if (query.CustomerId is { } customer)
        {
            tags.Add("customer:" + customer);
        }

        var page = await index.Query(Name, new IndexQuery
        {
            Tags = tags,
            AnyTags = [.. (query.AccountManagers ?? []).Select(m => "owner:" + m)],
            Sort = "opened",
            Limit = query.Limit,
        });
        return [.. page.Rows.Select(r => serializer.Deserialize(r.Payload)!)];
    }

    /// <summary>Alerts per state (open, acknowledged, resolved) over the whole index.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByState() =>
        (await index.Counters(Name)).Where(c => c.Key.StartsWith("state:", StringComparison.Ordinal))
            .ToDictionary(c => c.Key["state:".Length..], c => (int)Math.Round(c.Value), StringComparer.Ordinal);

    /// <summary>The silos (their keys) holding grains of alerts not yet resolved, according to the index.</summary>
    public async Task<IReadOnlyList<string>> SilosWithOpenAlerts() =>
        [.. (await index.TagsStartingWith(Name, SiloTag)).Select(t => t[SiloTag.Length..])];

    /// <summary>A page of the customers whose alert grain the index places on <paramref name="silo"/>.</summary>
    public async Task<IReadOnlyList<string>> CustomersOn(string silo, int limit) =>
    [
        .. (await index.Query(Name, new IndexQuery { Tags = [SiloTag + silo], Sort = "opened", Limit = limit })).Rows
            .Select(r => serializer.Deserialize(r.Payload)!.CustomerId)
            .Distinct(StringComparer.Ordinal),
    ];

    private IndexRow Row(AlertSummary alert, string silo) => new()
    {
        Id = alert.Id,
        Payload = serializer.SerializeToArray(alert),
        Tags = Tags(alert, silo),
        Sorts = new Dictionary<string, double>(StringComparer.Ordinal) { ["opened"] = -alert.OpenedAt.ToUnixTimeMilliseconds() },
        Counters = new Dictionary<string, double>(StringComparer.Ordinal) { ["state:" + alert.State] = 1 },
    };
}
