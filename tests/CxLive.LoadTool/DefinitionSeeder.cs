using System.Diagnostics;
using System.Net.Http.Json;

namespace CxLive.LoadTool;

/// <summary>--define: PUTs the touchpoints tp0..tpM-1 and the customer profiles c0..cN-1 before the run, with bounded concurrency.</summary>
internal sealed class DefinitionSeeder(HttpClient http, LoadOptions options)
{
    private static readonly string[] Stages = ["discover", "evaluate", "buy", "use", "support"];
    private static readonly string[] Segments = ["enterprise", "mid-market", "smb"];
    private static readonly string[] Regions = ["emea", "amer", "apac"];

    private int _failed;
    private string? _firstError;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Touchpoints), parallel, (i, ct) =>
            PutAsync($"api/v1/touchpoints/{TrafficPlan.TouchpointId(i)}", Touchpoint(i), ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Customers), parallel, (j, ct) =>
            PutAsync($"api/v1/customers/{TrafficPlan.CustomerId(j)}", Customer(j), ct));
        var total = options.Touchpoints + options.Customers;
        Console.WriteLine($"define: {total - _failed:N0} of {total:N0} definitions stored in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"
            + (_firstError is null ? "" : $"; {_failed:N0} failed, first: {_firstError}"));
    }

    private static object Touchpoint(int i) => new
    {
        name = i == TrafficPlan.CheckoutIndex ? "Checkout" : $"Touchpoint {i}",
        journeyStage = i == TrafficPlan.CheckoutIndex ? "buy" : Stages[i % Stages.Length],
        journeyOrder = i,
        owner = $"team-{i % 4}",
        latencyThresholdMs = 500,
        sloTarget = 0.995,
    };

    /// <summary>Revenues from 10 k to ~1 M, spread so that a few large accounts stand out.</summary>
    private static object Customer(int j) => new
    {
        name = $"Customer {j}",
        segment = Segments[j % Segments.Length],
        region = Regions[j / 7 % Regions.Length],
        annualRevenue = 10_000 + (j * 7_919 % 100) * (j % 10 == 0 ? 10_000 : 1_000),
        accountManager = $"am{j % 20}",
    };

    private async ValueTask PutAsync(string route, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PutAsJsonAsync(new Uri(route, UriKind.Relative), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Fail($"PUT /{route}: HTTP {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            Fail($"PUT /{route}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Fail($"PUT /{route}: timeout");
        }
    }

    private void Fail(string error)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstError, error, null);
    }
}
