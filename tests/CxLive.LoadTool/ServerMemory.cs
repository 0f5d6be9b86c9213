using System.Globalization;

namespace CxLive.LoadTool;

/// <summary>Reads the server's memory: memory-related lines of GET /metrics (Prometheus text) and VmRSS from /proc/PID/status.</summary>
internal sealed class ServerMemory(HttpClient http, IReadOnlyList<int> pids)
{
    private static readonly Uri MetricsRoute = new("metrics", UriKind.Relative);
    private static readonly Uri RetainedRoute = new("api/v1/admin/memory", UriKind.Relative);
    private static readonly string[] MemoryWords = ["memory", "working_set", "heap", "rss", "resident", "committed"];

    public async Task<MemorySample> SampleAsync(CancellationToken cancellationToken)
    {
        var (series, metricsError) = await ReadMetricsAsync(cancellationToken);
        if (await ReadRetainedAsync(cancellationToken) is { } retained && series is SortedDictionary<string, double> all)
        {
            all["cxlive_retained_heap_bytes"] = retained;
        }

        var (rss, rssError) = ReadRss();
        return new MemorySample(series, rss, metricsError, rssError);
    }

    private async Task<(IReadOnlyDictionary<string, double> Series, string? Error)> ReadMetricsAsync(CancellationToken cancellationToken)
    {
        var series = new SortedDictionary<string, double>(StringComparer.Ordinal);
        try
        {
            using var response = await http.GetAsync(MetricsRoute, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (series, $"GET /metrics: HTTP {(int)response.StatusCode}");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!line.StartsWith('#') && Parse(line) is { } sample && IsMemory(sample.Series))
                {
                    series[sample.Series] = sample.Value;
                }
            }

            return (series, series.Count == 0 ? "GET /metrics has no memory-related metric" : null);
        }
        catch (HttpRequestException e)
        {
            return (series, $"GET /metrics: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (series, "GET /metrics: timeout");
        }
    }

    /// <summary>Heap retained after a full GC (POST /api/v1/admin/memory, admin scope); null when not allowed or absent.</summary>
    private async Task<double?> ReadRetainedAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync(RetainedRoute, content: null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.GetProperty("retainedHeapBytes").GetDouble();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>One sample line: <c>name{labels} value [timestamp]</c>.</summary>
    private static (string Series, double Value)? Parse(string line)
    {
        var nameEnd = line.IndexOfAny([' ', '{']);
        if (nameEnd <= 0)
        {
            return null;
        }

        var seriesEnd = line[nameEnd] == '{' ? line.LastIndexOf('}') + 1 : nameEnd;
        if (seriesEnd <= 0)
        {
            return null;
        }

        var valueText = line[seriesEnd..].Trim().Split(' ')[0];
        return double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (line[..seriesEnd], value)
            : null;
    }

    /// <summary>Gauges in bytes about memory: <c>..._bytes</c> by the Prometheus naming rule (counters end in <c>_total</c> and are left out).</summary>
    private static bool IsMemory(string series)
    {
        var name = series.Split('{')[0];
        return name.EndsWith("_bytes", StringComparison.Ordinal)
            && Array.Exists(MemoryWords, word => name.Contains(word, StringComparison.Ordinal));
    }

    private (long? Bytes, string? Error) ReadRss()
    {
        if (pids.Count == 0)
        {
            return (null, null);
        }

        var total = 0L;
        foreach (var pid in pids)
        {
            var path = $"/proc/{pid}/status";
            try
            {
                var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var kilobytes = line?["VmRSS:".Length..].Trim().Split(' ')[0];
                if (!long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                {
                    return (null, $"{path} has no VmRSS line");
                }

                total += kb * 1024;
            }
            catch (IOException e)
            {
                return (null, $"{path}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                return (null, $"{path}: {e.Message}");
            }
        }

        return (total, null);
    }
}
