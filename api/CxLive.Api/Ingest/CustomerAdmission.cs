using System.Collections.Concurrent;
using CxLive.Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest;

/// <summary>
/// Which customers a batch may name (Ingest:MaxCustomers, Ingest:UnknownCustomers). Customers this process has seen
/// pass are remembered (a bounded set), so steady traffic costs one lookup per event here and nothing else; ids it has
/// not seen are asked of the customer index in one call per batch, and new ones are let in while the fleet is under
/// the cap. The fleet's size comes from the index's count, read at most once a second, plus what this process let in
/// during the last <see cref="Settling"/> (not yet counted there): so the cap holds, erring on the safe side, even while
/// the index catches up. With several api processes each admits against the same count, so a burst may pass the cap by
/// what they let in within that second.
/// </summary>
internal sealed class CustomerAdmission(IGrainFactory grains, IOptions<IngestOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>How long a customer let in here is counted beside the index's count (the index has it by then).</summary>
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan CountRefresh = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, byte> _passed = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _admittedRecently = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _known;
    private DateTimeOffset _knownAt = DateTimeOffset.MinValue;

    /// <summary>Seen to exist (or let in) by this process: no question to ask.</summary>
    public bool HasPassed(ReadOnlySpan<char> customerId) => _passed.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(customerId);

    /// <summary>
    /// Of <paramref name="customerIds"/> (none passed yet), the ones that may be sent on; the rest with why not.
    /// <paramref name="creating"/>: the caller creates them on purpose (PUT of a profile), which Ingest:UnknownCustomers
    /// does not stop; the cap still holds.
    /// </summary>
    public async Task<(IReadOnlySet<string> Admitted, Func<string, string> Why)> AdmitAsync(IReadOnlyCollection<string> customerIds, bool creating = false)
    {
        // The index may not answer for a moment (a silo just died, its store restarting): then ingest goes on, treating the
        // unseen ids as new within the room the last count left, rather than refusing the batch.
        var admitted = new HashSet<string>(await ExistingOrNoneAsync(customerIds), StringComparer.Ordinal);
        var fresh = customerIds.Where(id => !admitted.Contains(id)).ToList();
        var settings = options.Value;
        var rejectsUnknown = settings.RejectsUnknownCustomers && !creating;
        if (fresh.Count > 0 && !rejectsUnknown)
        {
            await _gate.WaitAsync();
            try
            {
                var now = clock.GetUtcNow();
                if (now - _knownAt > CountRefresh)
                {
                    try
                    {
                        _known = (await grains.CustomerDirectory().GetCounts()).Known;
                        _knownAt = now;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // the last count stands until the index answers again
                    }
                }

                while (_admittedRecently.TryPeek(out var at) && now - at > Settling)
                {
                    _admittedRecently.Dequeue();
                }

                var room = Math.Max(0, settings.MaxCustomers - _known - _admittedRecently.Count);
                foreach (var id in fresh.Take((int)Math.Min(room, fresh.Count)))
                {
                    admitted.Add(id);
                    _admittedRecently.Enqueue(now);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        Remember(admitted);
        return (admitted, id => rejectsUnknown
            ? $"customer '{id}' is not known, and Ingest:UnknownCustomers is Reject: create it first with PUT /api/v1/customers/{id}"
            : $"customer '{id}' would be new, and the fleet is at Ingest:MaxCustomers ({settings.MaxCustomers})");
    }

    public void Dispose() => _gate.Dispose();

    private async Task<IReadOnlyList<string>> ExistingOrNoneAsync(IReadOnlyCollection<string> customerIds)
    {
        try
        {
            return await grains.CustomerDirectory().Existing([.. customerIds]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [];
        }
    }

    private void Remember(IEnumerable<string> customerIds)
    {
        if (_passed.Count > options.Value.MaxCustomers)
        {
            _passed.Clear(); // bounded: forgotten ones are asked about again
        }

        foreach (var id in customerIds)
        {
            _passed.TryAdd(id, 0);
        }
    }
}
