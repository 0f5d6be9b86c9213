using System.Collections.Concurrent;
using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>
/// Time to verdict through the API: polls GET /api/v1/customers?disrupted=true every 200 ms and records when each
/// injected customer first appears after the injection, and every customer flagged that was not injected. Flags
/// left by earlier runs are kept apart: customers already flagged at the first poll are not false positives, and an
/// injected customer flagged before the injection counts only once it has been seen cleared and flagged again.
/// </summary>
internal sealed class VerdictWatcher(HttpClient http, RunClock clock, IReadOnlyCollection<string> injected)
{
    private static readonly Uri DisruptedRoute = new($"api/v1/customers?disrupted=true&limit={LoadOptions.MaxDisrupted}", UriKind.Relative);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly HashSet<string> _injected = new(injected, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Detection> _detected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _falsePositives = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _flaggedBeforeInjection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _flaggedAtStart = new(StringComparer.Ordinal);

    // Injected customers flagged before the injection and not seen cleared since; touched by the polling loop only.
    private readonly HashSet<string> _stillFlagged = new(StringComparer.Ordinal);
    private int _polls;
    private int _answered;
    private string? _lastError;

    public IReadOnlyDictionary<string, Detection> Detected => _detected;

    /// <summary>Customers not injected that were flagged after the first poll, with the second of the run they were first seen.</summary>
    public IReadOnlyDictionary<string, double> FalsePositives => _falsePositives;

    /// <summary>Injected customers already flagged before the injection (a verdict the load did not cause).</summary>
    public IReadOnlyDictionary<string, double> FlaggedBeforeInjection => _flaggedBeforeInjection;

    /// <summary>Customers not injected that were already flagged at the first poll (state from before this run).</summary>
    public IReadOnlyCollection<string> FlaggedAtStart => [.. _flaggedAtStart.Keys.Where(id => !_injected.Contains(id))];

    /// <summary>Injected customers flagged before the injection and never seen cleared: no time to verdict can be measured for them.</summary>
    public IReadOnlyCollection<string> UnmeasurableInjected
    {
        get
        {
            lock (_stillFlagged)
            {
                return [.. _stillFlagged];
            }
        }
    }

    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Polls that got a list back.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public string? LastError => Volatile.Read(ref _lastError);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await PollOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // End of the run.
        }
    }

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        try
        {
            using var response = await http.GetAsync(DisruptedRoute, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Volatile.Write(ref _lastError, $"HTTP {(int)response.StatusCode}");
                return;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var seenAt = clock.Elapsed;
            if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                Volatile.Write(ref _lastError, "answer without an 'items' array");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("customerId", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    seen.Add(id.GetString()!);
                }
            }

            Record(seen, seenAt, first: Interlocked.Increment(ref _answered) == 1);
        }
        catch (HttpRequestException e)
        {
            Volatile.Write(ref _lastError, e.Message);
        }
        catch (JsonException e)
        {
            Volatile.Write(ref _lastError, $"not JSON: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Volatile.Write(ref _lastError, "timeout");
        }
    }

    private void Record(HashSet<string> seen, TimeSpan seenAt, bool first)
    {
        lock (_stillFlagged)
        {
            foreach (var customerId in seen)
            {
                if (first)
                {
                    _flaggedAtStart.TryAdd(customerId, 0);
                }

                if (!_injected.Contains(customerId))
                {
                    if (!_flaggedAtStart.ContainsKey(customerId))
                    {
                        _falsePositives.TryAdd(customerId, seenAt.TotalSeconds);
                    }
                }
                else if (clock.SinceInjection(seenAt) is not { } since)
                {
                    _flaggedBeforeInjection.TryAdd(customerId, seenAt.TotalSeconds);
                    _stillFlagged.Add(customerId);
                }
                else if (!_stillFlagged.Contains(customerId))
                {
                    _detected.TryAdd(customerId, new Detection(since, null));
                }
            }

            _stillFlagged.RemoveWhere(customerId => !seen.Contains(customerId));
        }
    }
}
