using System.Collections.Concurrent;
using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>
/// Time to verdict through the API: polls GET /api/v1/customers?disrupted=true every 200 ms and records when each
/// injected customer first appears after the injection, and every customer flagged that was not injected.
/// </summary>
internal sealed class VerdictWatcher(HttpClient http, RunClock clock, IReadOnlyCollection<string> injected)
{
    private static readonly Uri DisruptedRoute = new($"api/v1/customers?disrupted=true&limit={LoadOptions.MaxDisrupted}", UriKind.Relative);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly HashSet<string> _injected = new(injected, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Detection> _detected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _falsePositives = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _flaggedBeforeInjection = new(StringComparer.Ordinal);
    private int _polls;
    private int _answered;
    private string? _lastError;

    public IReadOnlyDictionary<string, Detection> Detected => _detected;

    /// <summary>Customers flagged that were never injected, with the second of the run they were first seen.</summary>
    public IReadOnlyDictionary<string, double> FalsePositives => _falsePositives;

    /// <summary>Injected customers already flagged before the injection (a verdict the load did not cause).</summary>
    public IReadOnlyDictionary<string, double> FlaggedBeforeInjection => _flaggedBeforeInjection;

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

            Interlocked.Increment(ref _answered);
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("customerId", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    Record(id.GetString()!, seenAt);
                }
            }
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

    private void Record(string customerId, TimeSpan seenAt)
    {
        if (!_injected.Contains(customerId))
        {
            _falsePositives.TryAdd(customerId, seenAt.TotalSeconds);
        }
        else if (clock.SinceInjection(seenAt) is { } since)
        {
            _detected.TryAdd(customerId, new Detection(since, null));
        }
        else
        {
            _flaggedBeforeInjection.TryAdd(customerId, seenAt.TotalSeconds);
        }
    }
}
