using System.Diagnostics;
using System.Text;

namespace CxLive.LoadTool;

/// <summary>--dry-run: builds bodies as fast as the machine allows, without HTTP, to show the generator is not the bottleneck.</summary>
internal static class GeneratorDryRun
{
    private const int MaxSeconds = 10;

    public static int Run(LoadOptions options, CancellationToken cancellationToken)
    {
        var plan = new TrafficPlan(options.Customers, options.Touchpoints, options.Disrupt, options.Rate, options.InjectAt is not null);
        var seconds = Math.Min(options.DurationSeconds, MaxSeconds);
        var threads = Environment.ProcessorCount;
        long events = 0, jsonBytes = 0, wireBytes = 0;
        string? sample = null;
        Console.WriteLine($"dry run: {threads} thread(s) x {seconds} s, batch {options.Batch}, {options.FormatName}{(options.Gzip ? " + gzip" : "")}, no HTTP");
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            using var writer = new EventBodyWriter(plan, options.Ndjson, options.Gzip, thread);
            long sequence = (long)thread * options.Batch, myEvents = 0, myJson = 0, myWire = 0;
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
            {
                // The second half as if injected, so both failure ratios are exercised.
                var injected = Stopwatch.GetElapsedTime(started).TotalSeconds >= seconds / 2.0;
                var body = writer.Write(sequence, options.Batch, DateTime.UtcNow, injected);
                sequence += (long)threads * options.Batch;
                myEvents += options.Batch;
                myJson += writer.Json.Length;
                myWire += body.Length;
            }

            if (thread == 0)
            {
                var json = writer.Json.Span;
                sample = Encoding.UTF8.GetString(json[..Math.Min(json.Length, 300)]);
            }

            Interlocked.Add(ref events, myEvents);
            Interlocked.Add(ref jsonBytes, myJson);
            Interlocked.Add(ref wireBytes, myWire);
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rate = events / elapsed;
        Console.WriteLine($"sample body: {sample}...");
        Console.WriteLine($"generator: {rate:N0} events/s on {threads} thread(s) ({rate / threads:N0} per thread), "
            + $"{jsonBytes / (double)Math.Max(1, events):F1} B/event JSON, {wireBytes / elapsed / 1e6:N1} MB/s on the wire"
            + (options.Gzip ? $" (gzip ratio {wireBytes / (double)Math.Max(1, jsonBytes):P1})" : ""));
        Console.WriteLine($"target --rate {options.Rate:N0} ev/s needs {options.Rate / rate:P1} of the generator's capacity on this machine.");
        Console.WriteLine($"loadtool: generator max {rate:N0} ev/s ({options.FormatName}{(options.Gzip ? "+gzip" : "")}, batch {options.Batch}, {threads} threads)");
        return 0;
    }
}
