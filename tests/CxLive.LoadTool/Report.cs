using System.Globalization;
using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>What a run measured; printed by <see cref="ReportPrinter"/> and written as JSON with --out.</summary>
internal sealed class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public required string Url { get; init; }

    public required int Customers { get; init; }

    public required int Touchpoints { get; init; }

    public required double TargetRate { get; init; }

    public required int DurationSeconds { get; init; }

    public required int Batch { get; init; }

    public required int Concurrency { get; init; }

    public required string Format { get; init; }

    public required bool Gzip { get; init; }

    public required double? InjectAtSeconds { get; init; }

    public required IReadOnlyList<string> InjectedCustomers { get; init; }

    /// <summary>Null when the run ended by itself; else why it ended early.</summary>
    public required string? EndedEarly { get; init; }

    public required double SendSeconds { get; init; }

    public required long EventsTarget { get; init; }

    public required long EventsSkipped { get; init; }

    public required long EventsSent { get; init; }

    public required long EventsAccepted { get; init; }

    public required long EventsRejected { get; init; }

    public required long EventsRefused { get; init; }

    public required long Requests { get; init; }

    public required long Backpressure { get; init; }

    public required long TransportErrors { get; init; }

    public required IReadOnlyDictionary<string, long> StatusCounts { get; init; }

    public required IReadOnlyDictionary<string, long> RejectionSamples { get; init; }

    public required double AcceptedPerSecond { get; init; }

    public required double AcceptedPerSecondSteady { get; init; }

    public required string SteadyWindow { get; init; }

    public required Quantiles IngestLatencyMs { get; init; }

    public required int ApiDetected { get; init; }

    public required Quantiles ApiVerdictSeconds { get; init; }

    public required IReadOnlyList<string> FalsePositives { get; init; }

    public required IReadOnlyList<string> FlaggedBeforeInjection { get; init; }

    public required IReadOnlyList<string> FlaggedAtStart { get; init; }

    /// <summary>Injected customers already disrupted before the injection and never cleared: left out of both verdict times.</summary>
    public required IReadOnlyList<string> Unmeasurable { get; init; }

    public required int ApiPolls { get; init; }

    public required int ApiPollsAnswered { get; init; }

    public required string? ApiLastError { get; init; }

    public required string? HubError { get; init; }

    public required int HubDetected { get; init; }

    public required Quantiles HubVerdictSeconds { get; init; }

    public required Quantiles HubAfterDisruptedSinceMs { get; init; }

    public required long HubMessages { get; init; }

    public required MemorySample MemoryBefore { get; init; }

    public required MemorySample MemoryAfter { get; init; }

    public required string? MemoryMetric { get; init; }

    public required double? MemoryMetricBytesPerPair { get; init; }

    public required double? RssBytesPerPair { get; init; }

    public string SummaryLine
    {
        get
        {
            var hub = HubAfterDisruptedSinceMs.P95 is { } push
                ? $"{push:F0} ms (signalr from verdict)"
                : $"{Format1(HubVerdictSeconds.P95)} s (signalr from injection)";
            var memory = RssBytesPerPair ?? MemoryMetricBytesPerPair;
            return $"loadtool: accepted {AcceptedPerSecondSteady:F0} ev/s, ingest p50 {Format1(IngestLatencyMs.P50)} ms p99 {Format1(IngestLatencyMs.P99)} ms, "
                + $"verdict p95 {Format1(ApiVerdictSeconds.P95)} s (api) {hub}, mem {(memory is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) : "n/a")} B/pair";
        }
    }

    public static Report Build(LoadOptions options, TrafficPlan plan, IngestStats stats, RateSchedule schedule, VerdictWatcher poll,
        HubVerdictWatcher? hub, MemorySample before, MemorySample after, double sendSeconds, string? endedEarly)
    {
        // Steady part: without the first tenth (at least 1 s: connections, JIT, grain activation) and the last second.
        var warmup = Math.Max(1, options.DurationSeconds / 10);
        var end = Math.Max(warmup + 1, (int)Math.Floor(sendSeconds) - 1);
        var metric = before.PrimaryMetric();
        var unmeasurable = poll.UnmeasurableInjected;
        var hubDetections = hub?.Detected.Where(d => !unmeasurable.Contains(d.Key)).Select(d => d.Value).ToList() ?? [];
        return new Report
        {
            Url = options.Url.ToString(),
            Customers = options.Customers,
            Touchpoints = options.Touchpoints,
            TargetRate = options.Rate,
            DurationSeconds = options.DurationSeconds,
            Batch = options.Batch,
            Concurrency = options.Concurrency,
            Format = options.FormatName,
            Gzip = options.Gzip,
            InjectAtSeconds = options.InjectAt?.TotalSeconds,
            InjectedCustomers = plan.DisruptedCustomerIds,
            EndedEarly = endedEarly,
            SendSeconds = sendSeconds,
            EventsTarget = (long)(options.Rate * options.DurationSeconds),
            EventsSkipped = schedule.SkippedEvents,
            EventsSent = stats.EventsSent,
            EventsAccepted = stats.EventsAccepted,
            EventsRejected = stats.EventsRejected,
            EventsRefused = stats.EventsRefused,
            Requests = stats.RequestsStarted,
            Backpressure = stats.Backpressure,
            TransportErrors = stats.TransportErrors,
            StatusCounts = stats.Statuses(),
            RejectionSamples = stats.RejectionSamples(),
            AcceptedPerSecond = sendSeconds > 0 ? stats.EventsAccepted / sendSeconds : 0,
            AcceptedPerSecondSteady = stats.AcceptedRate(warmup, end),
            SteadyWindow = $"{warmup}-{end} s",
            IngestLatencyMs = stats.Latencies(),
            ApiDetected = poll.Detected.Count,
            ApiVerdictSeconds = new Quantiles(poll.Detected.Values.Select(d => d.SinceInjection.TotalSeconds)),
            FalsePositives = [.. poll.FalsePositives.OrderBy(p => p.Value).Select(p => p.Key)],
            FlaggedBeforeInjection = [.. poll.FlaggedBeforeInjection.Keys.Order(StringComparer.Ordinal)],
            FlaggedAtStart = [.. poll.FlaggedAtStart.Order(StringComparer.Ordinal)],
            Unmeasurable = [.. unmeasurable.Order(StringComparer.Ordinal)],
            ApiPolls = poll.Polls,
            ApiPollsAnswered = poll.Answered,
            ApiLastError = poll.LastError,
            HubError = hub is null ? "not used (no injection)" : hub.Error,
            HubDetected = hubDetections.Count,
            HubVerdictSeconds = new Quantiles(hubDetections.Select(d => d.SinceInjection.TotalSeconds)),
            HubAfterDisruptedSinceMs = new Quantiles(hubDetections.Where(d => d.AfterDisruptedSinceMs is not null).Select(d => d.AfterDisruptedSinceMs!.Value)),
            HubMessages = hub?.Messages ?? 0,
            MemoryBefore = before,
            MemoryAfter = after,
            MemoryMetric = metric,
            MemoryMetricBytesPerPair = metric is not null && before.Sum(metric) is { } b && after.Sum(metric) is { } a ? (a - b) / plan.Pairs : null,
            RssBytesPerPair = before.RssBytes is { } rb && after.RssBytes is { } ra ? (ra - rb) / (double)plan.Pairs : null,
        };
    }

    public async Task WriteJsonAsync(string path)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, JsonOptions);
    }

    internal static string Format1(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "n/a";
}
