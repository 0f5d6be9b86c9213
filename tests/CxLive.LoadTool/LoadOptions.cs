using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CxLive.LoadTool;

/// <summary>Command-line options, <c>--name value</c>; <see cref="TryParse"/> says which option is wrong.</summary>
internal sealed class LoadOptions
{
    /// <summary>The customers list is read with limit=1000, so at most that many can be watched.</summary>
    public const int MaxDisrupted = 1000;

    public const string Usage = """
        CxLive load tool: drives POST /api/v1/telemetry on a loopback CxLive and measures ingest,
        time to verdict (API poll and SignalR push) and server memory.

        Usage: dotnet run -c Release --project tests/CxLive.LoadTool -- [options]

          --url URL          CxLive base address, loopback only (default http://127.0.0.1:5080)
          --key KEY          API key: 'Authorization: Bearer KEY' and the hub's access token
          --customers N      customers c0..c{N-1} (default 10000)
          --touchpoints M    touchpoints tp0..tp{M-1}; tp0 is the checkout (default 10)
          --rate R           target events per second (default 250000)
          --duration S       seconds of sending (default 60)
          --batch B          events per request (default 5000)
          --concurrency C    requests in flight at most (default 8)
          --format F         json | ndjson (default json)
          --gzip             gzip request bodies
          --define           first PUT the touchpoints and the customer profiles
          --inject-at S      seconds into the run when the disruption starts (default duration/2; 0 disables)
          --disrupt N        customers whose checkout (tp0) then fails 40% (default 20, at most 1000)
          --server-pid PID   server process ids (comma-separated) whose VmRSS is read before and after
          --out FILE         also write the report as JSON
          --dry-run          measure the generator alone (no HTTP) and exit
          --help             this text

        Exit code: 0 when it ran (targets missed or not), 1 on bad arguments, 2 when the server is unreachable.
        """;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5080/");

    public string? Key { get; private set; }

    public int Customers { get; private set; } = 10_000;

    public int Touchpoints { get; private set; } = 10;

    public double Rate { get; private set; } = 250_000;

    public int DurationSeconds { get; private set; } = 60;

    public int Batch { get; private set; } = 5_000;

    public int Concurrency { get; private set; } = 8;

    public bool Ndjson { get; private set; }

    public bool Gzip { get; private set; }

    public bool Define { get; private set; }

    /// <summary>Null when injection is disabled (--inject-at 0 or --disrupt 0).</summary>
    public TimeSpan? InjectAt { get; private set; }

    public int Disrupt { get; private set; } = 20;

    public IReadOnlyList<int> ServerPids { get; private set; } = [];

    public string? OutFile { get; private set; }

    public bool DryRun { get; private set; }

    public bool Help { get; private set; }

    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    public string FormatName => Ndjson ? "ndjson" : "json";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out LoadOptions? options, [NotNullWhen(false)] out string? error)
    {
        var parsed = new LoadOptions();
        double? injectAtSeconds = null;
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--help" or "-h":
                    parsed.Help = true;
                    break;
                case "--gzip":
                    parsed.Gzip = true;
                    break;
                case "--define":
                    parsed.Define = true;
                    break;
                case "--dry-run":
                    parsed.DryRun = true;
                    break;
                default:
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        error = name.StartsWith("--", StringComparison.Ordinal) && IsValueOption(name)
                            ? $"{name} needs a value."
                            : $"unknown option '{name}'.";
                        break;
                    }

                    error = parsed.Set(name, args[++i], ref injectAtSeconds);
                    break;
            }
        }

        error ??= parsed.Resolve(injectAtSeconds);
        options = error is null ? parsed : null;
        return error is null;
    }

    private static bool IsValueOption(string name) => name is "--url" or "--key" or "--customers" or "--touchpoints" or "--rate"
        or "--duration" or "--batch" or "--concurrency" or "--format" or "--inject-at" or "--disrupt" or "--server-pid" or "--out";

    private string? Set(string name, string value, ref double? injectAtSeconds)
    {
        string? error;
        switch (name)
        {
            case "--url":
                return SetUrl(value);
            case "--key":
                Key = value;
                return value.Length == 0 ? "--key must not be empty." : null;
            case "--customers":
                error = ParseInt(name, value, 1, 10_000_000, out var customers);
                Customers = customers;
                return error;
            case "--touchpoints":
                error = ParseInt(name, value, 1, 1000, out var touchpoints);
                Touchpoints = touchpoints;
                return error;
            case "--rate":
                error = ParseDouble(name, value, 1, 100_000_000, out var rate);
                Rate = rate;
                return error;
            case "--duration":
                error = ParseInt(name, value, 1, 86_400, out var duration);
                DurationSeconds = duration;
                return error;
            case "--batch":
                // 50000 events of ~130 bytes stay well under the server's 8 MiB body limit.
                error = ParseInt(name, value, 1, 50_000, out var batch);
                Batch = batch;
                return error;
            case "--concurrency":
                error = ParseInt(name, value, 1, 1024, out var concurrency);
                Concurrency = concurrency;
                return error;
            case "--format":
                Ndjson = value == "ndjson";
                return value is "json" or "ndjson" ? null : $"--format must be json or ndjson (got '{value}').";
            case "--inject-at":
                error = ParseDouble(name, value, 0, 86_400, out var injectAt);
                injectAtSeconds = injectAt;
                return error;
            case "--disrupt":
                error = ParseInt(name, value, 0, MaxDisrupted, out var disrupt);
                Disrupt = disrupt;
                return error;
            case "--server-pid":
                return SetServerPids(value);
            case "--out":
                OutFile = value;
                return null;
            default:
                return $"unknown option '{name}'.";
        }
    }

    private string? SetUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return $"--url must be an absolute http(s) address (got '{value}').";
        }

        if (LoopbackGuard.Problem(url) is { } problem)
        {
            return problem;
        }

        // A trailing slash so that relative routes ("api/v1/telemetry") keep a path base.
        Url = url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        return null;
    }

    private string? SetServerPids(string value)
    {
        var pids = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseInt("--server-pid", part, 1, int.MaxValue, out var pid) is { } error)
            {
                return error;
            }

            pids.Add(pid);
        }

        ServerPids = pids;
        return pids.Count == 0 ? "--server-pid needs at least one process id." : null;
    }

    private string? Resolve(double? injectAtSeconds)
    {
        if (Disrupt > Customers)
        {
            return $"--disrupt ({Disrupt}) must not exceed --customers ({Customers}).";
        }

        var injectAt = injectAtSeconds ?? DurationSeconds / 2.0;
        if (injectAt >= DurationSeconds)
        {
            return $"--inject-at ({injectAt} s) must be less than --duration ({DurationSeconds} s), or 0 to disable.";
        }

        InjectAt = injectAt > 0 && Disrupt > 0 ? TimeSpan.FromSeconds(injectAt) : null;
        return null;
    }

    private static string? ParseInt(string name, string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) && result >= min && result <= max
            ? null
            : $"{name} must be a whole number from {min} to {max} (got '{value}').";

    private static string? ParseDouble(string name, string value, double min, double max, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && result >= min && result <= max
            ? null
            : $"{name} must be a number from {min} to {max} (got '{value}').";
}
