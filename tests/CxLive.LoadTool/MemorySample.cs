namespace CxLive.LoadTool;

/// <summary>Server memory at one moment: memory-related /metrics series (<c>name{labels}</c> to value) and the summed VmRSS of --server-pid.</summary>
internal sealed record MemorySample(IReadOnlyDictionary<string, double> Series, long? RssBytes, string? MetricsError, string? RssError)
{
    /// <summary>Metric names to use for bytes per pair, most telling first (working set, then committed, then heap).</summary>
    private static readonly string[] PreferredPrefixes =
    [
        "cxlive_retained_heap", "process_memory_usage", "process_working_set", "dotnet_process_memory_working_set", "process_resident_memory",
        "dotnet_gc_last_collection_memory_committed", "process_runtime_dotnet_gc_committed_memory",
        "dotnet_gc_last_collection_heap_size", "process_runtime_dotnet_gc_heap_size",
    ];

    /// <summary>The preferred metric present here; its series summed (over generations, for example).</summary>
    public string? PrimaryMetric()
    {
        foreach (var prefix in PreferredPrefixes)
        {
            foreach (var key in Series.Keys)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return MetricName(key);
                }
            }
        }

        return null;
    }

    /// <summary>Sum of the series of one metric name, or null when it is absent.</summary>
    public double? Sum(string metric)
    {
        double? sum = null;
        foreach (var (key, value) in Series)
        {
            if (MetricName(key) == metric)
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }

    private static string MetricName(string series)
    {
        var brace = series.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? series : series[..brace];
    }
}
