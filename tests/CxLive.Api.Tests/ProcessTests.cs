using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests;

/// <summary>CxLive as separate processes, as a user runs it: kill -9, restarts, client mode against a standalone silo.</summary>
public sealed class ProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Key = "process-test-admin-key-42";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_acknowledged_profile_survives_kill_9_and_restart()
    {
        using var data = new TempDirectory();
        var environment = Embedded(data.Path);
        environment["Ingest__RequestTimeoutSeconds"] = "2";
        var port = FreePort.Next();
        var profile = new { name = "Acme", annualRevenue = 120000.5, accountManager = "dana", tags = new[] { "eu" } };

        string before;
        await using (var first = CxLiveProcess.StartApi(environment, port))
        {
            await first.WaitUntilReadyAsync(StartTimeout);
            using var client = Client(first, Key);

            // Production with a bootstrap key: a wrong key is 401, a malformed body 400.
            using var wrong = Client(first, "not-the-key");
            await ProblemAssert.IsProblem(await wrong.GetAsync("/api/v1/customers/acme"), HttpStatusCode.Unauthorized);
            using var malformed = new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json");
            await ProblemAssert.IsProblem(await client.PutAsync("/api/v1/customers/acme", malformed), HttpStatusCode.BadRequest);

            // Over real Kestrel: a body that stalls is answered 408 (never a 5xx) and frees its ingest permit.
            Assert.StartsWith("HTTP/1.1 408", await StalledIngestAsync(first.BaseAddress), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/customers/acme", profile)).StatusCode);
            before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/customers/acme")).GetProperty("profile").GetRawText();

            // Feedback is durable once acknowledged: 50 items, 202, then the process dies without warning.
            var feedback = Enumerable.Range(0, 50).Select(i => new
            {
                id = $"fb-{i}",
                customerId = "acme",
                timestamp = DateTimeOffset.UtcNow.UtcDateTime.ToString("O"),
                kind = "nps",
                score = i % 11,
            }).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/feedback", feedback)).StatusCode);
            await first.KillHardAsync();
        }

        await using var second = CxLiveProcess.StartApi(environment, port);
        await second.WaitUntilReadyAsync(StartTimeout);
        using var again = Client(second, Key);
        var document = await again.GetFromJsonAsync<JsonElement>("/api/v1/customers/acme");

        Assert.Equal(before, document.GetProperty("profile").GetRawText());
        Assert.Equal(50, document.GetProperty("feedback").GetProperty("responses").GetInt32());
        var replay = await again.PostAsJsonAsync("/api/v1/feedback", new[] { new { id = "fb-0", customerId = "acme", timestamp = DateTimeOffset.UtcNow, kind = "nps", score = 0 } });
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
    }

    /// <summary>
    /// The durability contract for telemetry in one embedded process: a kill -9 loses at most what was acknowledged in
    /// the last checkpoint window (Telemetry:CheckpointSeconds, here 2 s) plus a flush; everything before is counted.
    /// </summary>
    [Fact]
    public async Task A_kill_9_loses_at_most_the_last_checkpoint_window_of_telemetry_and_a_graceful_stop_under_load_logs_no_error()
    {
        using var data = new TempDirectory();
        var environment = new Dictionary<string, string>(Embedded(data.Path)) { ["Telemetry__CheckpointSeconds"] = "2" };
        var port = FreePort.Next();
        var acknowledged = new List<(DateTimeOffset At, string Customer, int Events)>();
        DateTimeOffset killedAt;
        await using (var first = CxLiveProcess.StartApi(environment, port))
        {
            await first.WaitUntilReadyAsync(StartTimeout);
            using var client = Client(first, Key);
            for (var round = 0; round < 60; round++)
            {
                var now = DateTimeOffset.UtcNow;
                var customers = Enumerable.Range(0, 10).Select(i => $"kept-{((round * 10) + i) % 30}").ToList();
                var events = customers.SelectMany(c => Enumerable.Range(0, 20).Select(k => TelemetryEvents.Raw(c, "checkout", now.AddMilliseconds(-k), 40, success: true))).ToArray();
                var answer = await TelemetryEvents.PostAsync(client, events);
                Assert.Equal(events.Length, answer.GetProperty("accepted").GetInt32());
                acknowledged.AddRange(customers.Select(c => (DateTimeOffset.UtcNow, c, 20)));
                await Task.Delay(TimeSpan.FromMilliseconds(100)); // paces the sender over about 8 s
            }

            killedAt = DateTimeOffset.UtcNow;
            await first.KillHardAsync();
        }

        await using var second = CxLiveProcess.StartApi(environment, port);
        await second.WaitUntilReadyAsync(StartTimeout);
        using var again = Client(second, Key);
        long lost = 0, extra = 0;
        foreach (var customer in acknowledged.GroupBy(a => a.Customer))
        {
            var document = await again.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer.Key}");
            var counted = document.GetProperty("touchpoints").EnumerateArray().Sum(t => t.GetProperty("events").GetInt64());
            lost += Math.Max(0, customer.Sum(a => a.Events) - counted);
            extra += Math.Max(0, counted - customer.Sum(a => a.Events));
        }

        var window = TimeSpan.FromSeconds(2 + 1.5); // the checkpoint window, a flush, the last commit
        var bound = acknowledged.Where(a => a.At >= killedAt - window).Sum(a => a.Events);
        var total = acknowledged.Sum(a => a.Events);
        output.WriteLine($"telemetry: {total:N0} events acknowledged, {lost:N0} lost ({100.0 * lost / total:0.0} %) after kill -9; bound {bound:N0} (acknowledged in the {window.TotalSeconds} s before the kill)");
        Assert.True(lost <= bound, $"lost {lost} of {total} acknowledged events, more than the {bound} acknowledged in the last {window.TotalSeconds} s");
        Assert.Equal(0, extra);

        // A graceful stop while telemetry still arrives (SIGTERM, as systemd or Kubernetes stop it) logs no error.
        using var sending = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            while (!sending.IsCancellationRequested)
            {
                var events = Enumerable.Range(0, 30).Select(i => TelemetryEvents.Raw($"kept-{i}", "checkout", DateTimeOffset.UtcNow, 40, success: i % 3 != 0)).ToArray();
                try
                {
                    await again.PostAsJsonAsync("/api/v1/telemetry", events, sending.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    return; // the server has stopped listening
                }
            }
        });
        await Eventually.Until(() => again.GetFromJsonAsync<JsonElement>("/api/v1/overview"), o => o.GetProperty("customersActive").GetInt32() >= 30, TimeSpan.FromSeconds(30), "30 active customers before the stop");
        var stopOutput = await second.StopGracefullyAsync(TimeSpan.FromSeconds(60));
        await sending.CancelAsync();
        await sender;
        var errors = stopOutput.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"the embedded host logged {errors.Count} errors when stopped under load:\n{stopOutput}");
    }

    [Fact]
    public async Task In_client_mode_a_write_lands_in_the_silo_and_the_api_answers_503_when_the_cluster_is_gone()
    {
        using var data = new TempDirectory();
        var cluster = new Dictionary<string, string>
        {
            ["Cluster__ServiceId"] = "client-mode-" + Guid.NewGuid().ToString("N"),
            ["Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var api = new Dictionary<string, string>(cluster) { ["Hosting__Mode"] = "Client", ["Auth__BootstrapKey"] = Key };
        var silo = new Dictionary<string, string>(cluster) { ["Storage__DataDirectory"] = data.Path };

        // The api may start before the cluster: it serves probes and answers 503 with Retry-After meanwhile.
        await using (var writer = CxLiveProcess.StartApi(api))
        {
            using var client = Client(writer, Key);
            var early = await WaitForAnswerAsync(client, "/api/v1/touchpoints/checkout");
            await ProblemAssert.IsProblem(early, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(early.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            await using var siloProcess = CxLiveProcess.StartSilo(silo);
            await siloProcess.WaitUntilReadyAsync(StartTimeout);
            await writer.WaitUntilReadyAsync(StartTimeout);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/touchpoints/checkout", new { name = "Checkout", sloTarget = 0.99 })).StatusCode);
            await siloProcess.KillHardAsync();
        }

        await using var restartedSilo = CxLiveProcess.StartSilo(silo);
        await restartedSilo.WaitUntilReadyAsync(StartTimeout);

        // A second api process reads it back from the restarted silo: the state lives in the cluster's storage.
        await using var reader = CxLiveProcess.StartApi(api);
        await reader.WaitUntilReadyAsync(StartTimeout);
        using var readerClient = Client(reader, Key);
        var document = await readerClient.GetFromJsonAsync<JsonElement>("/api/v1/touchpoints/checkout");
        Assert.Equal(0.99, document.GetProperty("definition").GetProperty("sloTarget").GetDouble());

        await restartedSilo.KillHardAsync();
        var unavailable = await readerClient.GetAsync("/api/v1/touchpoints/checkout");
        Assert.True(unavailable.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {unavailable.StatusCode}; api output:\n{reader.Output}");
        var problem = await ProblemAssert.IsProblem(unavailable, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The cluster is unavailable", problem.GetProperty("title").GetString());
        Assert.NotNull(unavailable.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await readerClient.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readerClient.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>The first answer of a process that is still starting: retries only while nothing listens.</summary>
    private static async Task<HttpResponseMessage> WaitForAnswerAsync(HttpClient client, string path)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            try
            {
                return await client.GetAsync(path, deadline.Token);
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
    }

    private static Dictionary<string, string> Embedded(string dataDirectory) => new()
    {
        ["Storage__DataDirectory"] = dataDirectory,
        ["Auth__BootstrapKey"] = Key,
        ["Cluster__ServiceId"] = "embedded-" + Guid.NewGuid().ToString("N"),
        ["Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Sends an ingest request's headers and the start of its body, then nothing; the status line answered.</summary>
    private static async Task<string> StalledIngestAsync(Uri baseAddress)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/telemetry HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {Key}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[{{\"customerId\":";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)) ?? "";
    }

    private static HttpClient Client(CxLiveProcess process, string key)
    {
        var client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
