namespace CxLive.LoadTool;

/// <summary>
/// One run: probe the server, optionally define, sample memory, connect the hub, send for --duration with the
/// watchers on, wait up to 30 s for verdicts, sample memory again, report.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    private static readonly TimeSpan VerdictWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HardCapSlack = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefineCap = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync(CancellationToken stop)
    {
        // MaxConnectionsPerServer = --concurrency for ingest. Polls, /metrics and definitions have their own
        // connections, so that a verdict poll never queues behind ingest requests.
        using var ingest = LoopbackHttp.Create(options, options.Concurrency, IngestTimeout);
        using var control = LoopbackHttp.Create(options, Math.Max(4, options.Concurrency), ControlTimeout);
        if (await ProbeAsync(control, stop) is { } unreachable)
        {
            Console.Error.WriteLine($"loadtool: server unreachable at {options.Url}: {unreachable}");
            return 2;
        }

        if (options.Define)
        {
            await DefineAsync(control, stop);
        }

        var plan = new TrafficPlan(options.Customers, options.Touchpoints, options.Disrupt, options.Rate, options.InjectAt is not null);
        PrintPlan(plan);
        var memory = new ServerMemory(control, options.ServerPids);
        var before = await memory.SampleAsync(CancellationToken.None);

        using var hardCap = CancellationTokenSource.CreateLinkedTokenSource(stop);
        hardCap.CancelAfter(options.Duration + VerdictWait + HardCapSlack);
        var run = hardCap.Token;
        var clock = new RunClock(options.InjectAt);
        var injected = plan.DisruptedCustomerIds;
        await using var hub = options.InjectAt is null ? null : new HubVerdictWatcher(options, clock, injected);
        if (hub is not null)
        {
            await hub.StartAsync(run);
            Console.WriteLine(hub.Error is null ? $"hub: subscribed to {injected.Count} customers" : $"hub: not usable: {hub.Error}");
        }

        var stats = new IngestStats(options.Duration);
        var schedule = new RateSchedule(clock, options.Rate, options.Batch, options.Duration);
        var poll = new VerdictWatcher(control, clock, injected);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(run);
        clock.Start();
        var polling = poll.RunAsync(watching.Token);
        var progress = new ProgressReporter(stats, clock, poll, hub, injected.Count).RunAsync(watching.Token);
        await new IngestDriver(ingest, options, plan, clock, stats).RunAsync(schedule, run);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        if (options.InjectAt is not null && !run.IsCancellationRequested)
        {
            await WaitForVerdictsAsync(clock, poll, hub, injected.Count, run);
        }

        await watching.CancelAsync();
        await Task.WhenAll(polling, progress);
        var after = await memory.SampleAsync(CancellationToken.None);

        var ending = stop.IsCancellationRequested ? "interrupted (Ctrl+C)" : run.IsCancellationRequested ? "hard cap reached" : null;
        var report = Report.Build(options, plan, stats, schedule, poll, hub, before, after, sendSeconds, ending);
        ReportPrinter.Print(report, Console.Out);
        if (options.OutFile is { } path)
        {
            await report.WriteJsonAsync(path);
            Console.WriteLine($"report written to {path}");
        }

        return 0;
    }

    private async Task<string?> ProbeAsync(HttpClient control, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await control.GetAsync(new Uri("health/live", UriKind.Relative), cancellationToken);
            Console.WriteLine($"server: {options.Url} answers GET /health/live with HTTP {(int)response.StatusCode}");
            return null;
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested ? "stopped" : "timeout";
        }
    }

    private async Task DefineAsync(HttpClient control, CancellationToken stop)
    {
        using var defineCap = CancellationTokenSource.CreateLinkedTokenSource(stop);
        defineCap.CancelAfter(DefineCap);
        try
        {
            await new DefinitionSeeder(control, options).RunAsync(defineCap.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("define: stopped before the end");
        }
    }

    private void PrintPlan(TrafficPlan plan)
    {
        Console.WriteLine($"plan: {plan.Customers:N0} customers x {plan.Touchpoints:N0} touchpoints = {plan.Pairs:N0} pairs at {options.Rate:N0} ev/s "
            + $"for {options.DurationSeconds} s, batch {options.Batch}, concurrency {options.Concurrency}, {options.FormatName}{(options.Gzip ? " + gzip" : "")}");
        if (options.InjectAt is not { } at)
        {
            Console.WriteLine("plan: no injection");
            return;
        }

        Console.WriteLine($"plan: at {at.TotalSeconds:F0} s, {plan.DisruptedCustomerIds.Count} customers ({string.Join(',', plan.DisruptedCustomerIds.Take(5))}...) "
            + $"fail {TrafficPlan.InjectedFailureRatio:P0} on {TrafficPlan.Checkout}; each gets {plan.DisruptedCheckoutRate:F2} checkout ev/s ({plan.ExtraShare:P2} extra share)");
        if (plan.DisruptedCheckoutRate * 60 < 30)
        {
            Console.WriteLine($"plan: WARNING: at this --rate a disrupted customer gets {plan.DisruptedCheckoutRate * 60:F0} checkout events a minute (< 30); raise --rate or lower --disrupt");
        }
    }

    private static async Task WaitForVerdictsAsync(RunClock clock, VerdictWatcher poll, HubVerdictWatcher? hub, int injected, CancellationToken cancellationToken)
    {
        Console.WriteLine($"sending done; waiting up to {VerdictWait.TotalSeconds:F0} s for verdicts");
        var deadline = clock.Elapsed + VerdictWait;
        try
        {
            while (clock.Elapsed < deadline)
            {
                var apiDone = poll.Detected.Count >= injected || (poll.Polls >= 10 && poll.Answered == 0);
                var hubDone = hub is null || hub.Error is not null || hub.Detected.Count >= injected;
                if (apiDone && hubDone)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or the hard cap: report what was seen.
        }
    }
}
