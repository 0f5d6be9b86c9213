using System.Globalization;

namespace CxLive.LoadTool;

/// <summary>The final summary table and the one line for docs/benchmarks.md.</summary>
internal static class ReportPrinter
{
    private const int MaxListed = 10;

    public static void Print(Report report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"=== CxLive load run: {report.Url} {(report.EndedEarly is { } why ? $"- {why}" : "")}");
        Row(output, "target", $"{report.TargetRate:N0} ev/s x {report.DurationSeconds} s = {report.EventsTarget:N0} events; {report.Customers:N0} customers x {report.Touchpoints} touchpoints; batch {report.Batch}, concurrency {report.Concurrency}, {report.Format}{(report.Gzip ? " + gzip" : "")}");
        Row(output, "sending", $"{report.SendSeconds:F1} s, {report.Requests:N0} requests");
        Row(output, "events sent", $"{report.EventsSent:N0} ({report.EventsSkipped:N0} skipped: senders more than 1 s behind the target rate)");
        Row(output, "events accepted", $"{report.EventsAccepted:N0}");
        Row(output, "events rejected", $"{report.EventsRejected:N0} one by one in 2xx answers; {report.EventsRefused:N0} in requests without a 2xx answer");
        foreach (var (sample, count) in report.RejectionSamples)
        {
            Row(output, "  rejection", $"{count:N0} x '{sample}'");
        }

        Row(output, "http status", string.Join(", ", report.StatusCounts.Select(s => $"{s.Key}: {s.Value:N0}")));
        Row(output, "backpressure", $"{report.Backpressure:N0} answers 429/503; {report.TransportErrors:N0} transport errors");
        Row(output, "accepted ev/s", $"{report.AcceptedPerSecond:N0} over the run, {report.AcceptedPerSecondSteady:N0} steady ({report.SteadyWindow})");
        Row(output, "ingest latency", $"p50 {F(report.IngestLatencyMs.P50)} ms, p95 {F(report.IngestLatencyMs.P95)} ms, p99 {F(report.IngestLatencyMs.P99)} ms, max {F(report.IngestLatencyMs.Max)} ms ({report.IngestLatencyMs.Count:N0} answers)");
        PrintVerdicts(report, output);
        PrintMemory(report, output);
        output.WriteLine();
        output.WriteLine(report.SummaryLine);
    }

    private static void PrintVerdicts(Report report, TextWriter output)
    {
        if (report.InjectAtSeconds is not { } at)
        {
            Row(output, "verdicts", "no injection");
            Row(output, "false positives", List(report.FalsePositives));
            Row(output, "flagged at start", List(report.FlaggedAtStart));
            return;
        }

        var injected = report.InjectedCustomers.Count;
        Row(output, "injection", $"at {at:F1} s: {injected} customers fail {TrafficPlan.InjectedFailureRatio:P0} on {TrafficPlan.Checkout}");
        Row(output, "verdict (api)", $"{report.ApiDetected}/{injected} detected; from injection p50 {F(report.ApiVerdictSeconds.P50)} s, p95 {F(report.ApiVerdictSeconds.P95)} s, max {F(report.ApiVerdictSeconds.Max)} s "
            + $"({report.ApiPollsAnswered}/{report.ApiPolls} polls answered{(report.ApiLastError is { } e ? $", last error: {e}" : "")})");
        Row(output, "false positives", List(report.FalsePositives));
        if (report.FlaggedAtStart.Count > 0)
        {
            Row(output, "flagged at start", $"not injected, already disrupted at the first poll (earlier runs?): {List(report.FlaggedAtStart)}");
        }

        if (report.FlaggedBeforeInjection.Count > 0)
        {
            Row(output, "flagged early", $"injected but already disrupted before the injection: {List(report.FlaggedBeforeInjection)}; "
                + $"never cleared, so left out of both verdict times: {List(report.Unmeasurable)}");
        }

        Row(output, "verdict (hub)", report.HubError is { } hubError && report.HubDetected == 0
            ? $"not measured: {hubError}"
            : $"{report.HubDetected}/{injected} detected; from injection p50 {F(report.HubVerdictSeconds.P50)} s, p95 {F(report.HubVerdictSeconds.P95)} s, max {F(report.HubVerdictSeconds.Max)} s; "
                + $"push after disruptedSince p50 {F(report.HubAfterDisruptedSinceMs.P50)} ms, p95 {F(report.HubAfterDisruptedSinceMs.P95)} ms, max {F(report.HubAfterDisruptedSinceMs.Max)} ms ({report.HubMessages:N0} messages)");
    }

    private static void PrintMemory(Report report, TextWriter output)
    {
        var before = report.MemoryBefore;
        var after = report.MemoryAfter;
        if (before.MetricsError is { } metricsError)
        {
            Row(output, "memory metrics", metricsError);
        }

        foreach (var series in before.Series.Keys.Union(after.Series.Keys).Order(StringComparer.Ordinal))
        {
            Row(output, "  " + series, $"{Bytes(before.Series.GetValueOrDefault(series, double.NaN))} -> {Bytes(after.Series.GetValueOrDefault(series, double.NaN))}");
        }

        if (report.MemoryMetric is { } metric)
        {
            Row(output, "memory per pair", $"{F(report.MemoryMetricBytesPerPair)} B ({metric} after - before) / {report.Customers:N0} x {report.Touchpoints} pairs");
        }

        if ((before.RssError ?? after.RssError) is { } rssError)
        {
            Row(output, "server rss", rssError);
        }
        else if (before.RssBytes is { } rssBefore && after.RssBytes is { } rssAfter)
        {
            Row(output, "server rss", $"{Bytes(rssBefore)} -> {Bytes(rssAfter)}: {F(report.RssBytesPerPair)} B per customer x touchpoint");
        }
    }

    private static void Row(TextWriter output, string name, string value) => output.WriteLine($"{name,-22} {value}");

    private static string F(double? value) => Report.Format1(value);

    private static string Bytes(double bytes) => double.IsNaN(bytes)
        ? "-"
        : bytes >= 1 << 20 ? (bytes / (1 << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB" : bytes.ToString("F0", CultureInfo.InvariantCulture) + " B";

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0
        ? "none"
        : $"{ids.Count}: {string.Join(", ", ids.Take(MaxListed))}{(ids.Count > MaxListed ? ", ..." : "")}";
}
