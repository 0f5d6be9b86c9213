using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using CxLive.Grains.Tests.Webhooks;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CxLive.Api.Tests.Cluster;

/// <summary>
/// Issue 10's acceptance with real processes: Redis, two silos, two apis. The live path across processes, a silo
/// killed with SIGKILL under load (nothing acknowledged lost but telemetry inside the checkpoint window, printed),
/// webhooks pending on it delivered, a Redis restart, and graceful stops that hand grains over and log no errors.
/// One cluster for all of it: the steps run in order and say where they are when they fail.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const int Customers = 40;
    private const int Disrupted = 10;

    [Fact]
    public async Task Two_silos_two_apis_on_Redis_survive_a_kill_9_under_load_a_Redis_restart_and_graceful_stops()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await receiver.StopAsync(); // the on-call tool is down: deliveries stay pending through the kill
        await using var cluster = await LocalCluster.StartAsync(receiver.Url);
        var silo1 = cluster.StartSilo();
        var silo2 = cluster.StartSilo();
        await Task.WhenAll(silo1.WaitUntilReadyAsync(LocalCluster.StartTimeout), silo2.WaitUntilReadyAsync(LocalCluster.StartTimeout));
        var apiA = cluster.StartApi();
        var apiB = cluster.StartApi();
        await Task.WhenAll(apiA.WaitUntilReadyAsync(LocalCluster.StartTimeout), apiB.WaitUntilReadyAsync(LocalCluster.StartTimeout));
        using var a = LocalCluster.Client(apiA);
        using var b = LocalCluster.Client(apiB);
        var writes = new Writes();

        // Definitions through both apis.
        foreach (var touchpoint in new[] { "checkout", "search" })
        {
            (await a.PutAsJsonAsync($"/api/v1/touchpoints/{touchpoint}", new { name = touchpoint, sloTarget = 0.99 })).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < Customers; i++)
        {
            await writes.PutProfileAsync(i % 2 == 0 ? a : b, Customer(i), 0);
        }

        // 1. The live path spans processes: a change ingested through api B and judged on either silo reaches a client
        // of api A; an alert acknowledged through api A reaches a client of api B.
        await using var hubA = LocalCluster.Hub(apiA);
        await using var hubB = LocalCluster.Hub(apiB);
        var customerPushes = new ConcurrentQueue<JsonElement>();
        var alertPushes = new ConcurrentQueue<JsonElement>();
        hubA.On<JsonElement>("customerChanged", d => customerPushes.Enqueue(d));
        hubB.On<JsonElement>("alertChanged", d => alertPushes.Enqueue(d));
        await hubA.StartAsync();
        await hubB.StartAsync();
        await hubA.InvokeAsync("SubscribeCustomers");
        await hubB.InvokeAsync("SubscribeAccountManager", "dana");

        var live = Customer(0);
        writes.Telemetry(await TelemetryEvents.PostAsync(b, TelemetryEvents.LastMinute(live, "checkout", total: 60, errors: 40)), live, 60);
        await Eventually.Until(
            () => Task.FromResult(customerPushes.Any(d => Text(d, "customerId") == live && d.GetProperty("disrupted").GetBoolean())),
            pushed => pushed, Deadline, $"a customerChanged push of {live} disrupted, at a client of api A, after telemetry through api B");
        var alertId = await Eventually.Until(
            async () => (await a.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?customerId={live}")).GetProperty("items").EnumerateArray().Select(x => Text(x, "id")).FirstOrDefault(),
            id => id is not null, Deadline, $"the disruption alert of {live}");
        (await a.PostAsJsonAsync($"/api/v1/alerts/{alertId}/ack", new { note = "on it" })).EnsureSuccessStatusCode();
        await Eventually.Until(
            () => Task.FromResult(alertPushes.Any(x => Text(x, "id") == alertId && Text(x, "state") == "acknowledged")),
            pushed => pushed, Deadline, $"alertChanged (acknowledged) of {alertId} at a client of api B, after the ack through api A");
        output.WriteLine($"live path: customerChanged A<-B and alertChanged B<-A pushed ({customerPushes.Count} customer pushes)");

        // 2. Load through both apis (telemetry through B, read through A), SIGKILL of a silo half-way.
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(
            writes.SendTelemetryAsync(b, stop.Token),
            writes.SendFeedbackAsync(a, b, stop.Token),
            writes.RewriteProfilesAsync(a, b, stop.Token));
        await LoadUntil(writes, 100, "100 telemetry requests acknowledged before the kill");
        var killedAt = clock.Elapsed;
        await silo2.KillHardAsync();
        writes.KilledAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            // Customers first seen after the kill: their telemetry must be judged on the survivor.
            var late = $"late-{i}";
            writes.Telemetry(await TelemetryEvents.PostAsync(b, TelemetryEvents.LastMinute(late, "checkout", total: 60, errors: 40)), late, 60);
        }

        await LoadUntil(writes, 200, "100 more telemetry requests acknowledged after the kill");
        await stop.CancelAsync();
        await load;
        output.WriteLine($"load: killed silo 2 at {killedAt.TotalSeconds:0.0} s; {writes.Summary()}");

        // 3. Nothing acknowledged is lost.
        await Task.WhenAll(apiA.WaitUntilReadyAsync(Deadline), apiB.WaitUntilReadyAsync(Deadline));
        await writes.AssertProfilesAsync(a);
        await writes.AssertFeedbackAsync(a);
        var acknowledged = await a.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}");
        Assert.Equal("acknowledged", Text(acknowledged, "state"));
        foreach (var touchpoint in new[] { "checkout", "search" })
        {
            var definition = (await b.GetFromJsonAsync<JsonElement>($"/api/v1/touchpoints/{touchpoint}")).GetProperty("definition");
            Assert.Equal(0.99, definition.GetProperty("sloTarget").GetDouble());
        }
        for (var i = 0; i < 5; i++)
        {
            await Eventually.Until(
                async () => (await a.GetFromJsonAsync<JsonElement>($"/api/v1/customers/late-{i}")).GetProperty("disrupted").GetBoolean(),
                disrupted => disrupted, Deadline, $"late-{i}, first seen after the kill, judged disrupted");
        }

        var telemetry = await writes.TelemetryLossAsync(a, TimeSpan.FromSeconds(LocalCluster.CheckpointSeconds + 2));
        output.WriteLine(telemetry.ToString());
        Assert.True(telemetry.Lost <= telemetry.Bound, $"telemetry lost beyond the checkpoint window: {telemetry}");
        Assert.True(telemetry.Extra <= telemetry.Unacknowledged, $"telemetry counted twice: {telemetry}");

        // Webhooks pending on the dead silo: delivered once the receiver is back.
        await receiver.StartAgainAsync();
        var alerts = await Eventually.Until(
            async () => (await a.GetFromJsonAsync<JsonElement>("/api/v1/alerts?accountManager=dana&limit=200")).GetProperty("items").EnumerateArray().ToList(),
            list => list.Count >= Disrupted && list.All(x => x.GetProperty("delivery").GetArrayLength() > 0 && x.GetProperty("delivery").EnumerateArray().All(d => Text(d, "state") == "delivered")),
            TimeSpan.FromSeconds(90), "every alert's webhook deliveries delivered after the receiver came back");
        var posts = receiver.All();
        foreach (var alert in alerts)
        {
            foreach (var delivery in alert.GetProperty("delivery").EnumerateArray())
            {
                var version = delivery.GetProperty("version").GetInt32();
                Assert.Contains(posts, p => p.AlertId == Text(alert, "id") && p.Version == version && p.AnsweredWith == 200);
            }

            var versions = alert.GetProperty("delivery").EnumerateArray().Select(d => d.GetProperty("version").GetInt32()).ToList();
            Assert.Equal(versions.Distinct().Count(), versions.Count); // each change recorded delivered once
        }

        foreach (var handover in silo1.Output.Split('\n').Where(l => l.Contains("Handed over", StringComparison.Ordinal)))
        {
            output.WriteLine($"silo 1: {handover.Trim()}");
        }

        var repeats = posts.Where(p => p.AnsweredWith == 200).GroupBy(p => (p.AlertId, p.Version)).Sum(g => g.Count() - 1);
        output.WriteLine($"webhooks: {alerts.Count} alerts, {posts.Count(p => p.AnsweredWith == 200)} accepted POSTs, {repeats} repeated (at-least-once across the kill)");

        // 4. Redis killed and restarted (AOF): the state is all there.
        await cluster.Redis.RestartHardAsync();
        await Task.WhenAll(apiA.WaitUntilReadyAsync(Deadline), apiB.WaitUntilReadyAsync(Deadline));
        await writes.AssertProfilesAsync(b);
        await writes.AssertFeedbackAsync(b);
        output.WriteLine("redis: restarted from its AOF; profiles and feedback read back through api B");

        // 5. Graceful stops: a silo that stops hands its grains over; no process logs an error on SIGTERM.
        var silo3 = cluster.StartSilo();
        await silo3.WaitUntilReadyAsync(LocalCluster.StartTimeout);
        await Task.WhenAll(apiA.WaitUntilReadyAsync(Deadline), apiB.WaitUntilReadyAsync(Deadline));
        var activeBefore = (await a.GetFromJsonAsync<JsonElement>("/api/v1/overview")).GetProperty("customersActive").GetInt32();
        AssertNoErrors("silo 1", await silo1.StopGracefullyAsync(TimeSpan.FromSeconds(60)));
        await Eventually.Until(
            () => Task.FromResult(silo3.Output.Contains("customers of silo", StringComparison.Ordinal)),
            handed => handed, Deadline, $"silo 3 hands over the customers of the stopped silo 1\n{silo3.Output}");
        var activeAfter = await Eventually.Until(
            async () => (await a.GetFromJsonAsync<JsonElement>("/api/v1/overview")).GetProperty("customersActive").GetInt32(),
            active => active == activeBefore, Deadline, $"{activeBefore} customers active after silo 1 stopped");
        output.WriteLine($"graceful: silo 1 stopped, {activeAfter} active customers now on silo 3");
        foreach (var (name, process) in new[] { ("api A", apiA), ("api B", apiB), ("silo 3", silo3) })
        {
            AssertNoErrors(name, await process.StopGracefullyAsync(TimeSpan.FromSeconds(60)));
        }
    }

    private static string Customer(int i) => $"cl-{i}";

    private static Task<int> LoadUntil(Writes writes, int requests, string expected) =>
        Eventually.Until(() => Task.FromResult(writes.TelemetryRequests), n => n >= requests, Deadline, expected);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static void AssertNoErrors(string process, string stopOutput)
    {
        var errors = stopOutput.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{process} logged {errors.Count} errors when stopped with SIGTERM:\n{stopOutput}");
    }

    /// <summary>What the load wrote and which writes were acknowledged.</summary>
    private sealed class Writes
    {
        private readonly ConcurrentDictionary<string, (int Acked, List<int> AttemptedAfter)> _profiles = new(StringComparer.Ordinal);
        private readonly ConcurrentBag<object> _feedback = [];
        private readonly ConcurrentBag<(DateTimeOffset At, string Customer, long Events)> _telemetry = [];
        private long _unacknowledgedEvents;
        private int _telemetryRequests;
        private int _feedbackAttempts;

        public DateTimeOffset KilledAt { get; set; }

        /// <summary>Telemetry requests acknowledged so far (the load's own clock).</summary>
        public int TelemetryRequests => Volatile.Read(ref _telemetryRequests);

        public void Telemetry(JsonElement answer, string customer, long events)
        {
            Assert.Equal(events, answer.GetProperty("accepted").GetInt64());
            _telemetry.Add((DateTimeOffset.UtcNow, customer, events));
        }

        public async Task PutProfileAsync(HttpClient api, string customer, int version)
        {
            _profiles.AddOrUpdate(customer, _ => (-1, [version]), (_, p) => (p.Acked, [.. p.AttemptedAfter, version]));
            var response = await TryAsync(() => api.PutAsJsonAsync($"/api/v1/customers/{customer}", new { name = $"{customer} v{version}", annualRevenue = 80_000, accountManager = "dana" }));
            if (response?.StatusCode == HttpStatusCode.OK)
            {
                _profiles[customer] = (version, []);
            }
        }

        public async Task RewriteProfilesAsync(HttpClient a, HttpClient b, CancellationToken stop)
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                await PutProfileAsync(n % 2 == 0 ? a : b, Customer(n % Customers), n);
            }
        }

        public async Task SendFeedbackAsync(HttpClient a, HttpClient b, CancellationToken stop)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var item = new { id = $"fb-{n}", customerId = Customer(n % Customers), timestamp = DateTimeOffset.UtcNow.UtcDateTime.ToString("O"), kind = "nps", score = n % 11 };
                Interlocked.Increment(ref _feedbackAttempts);
                var response = await TryAsync(() => (n % 2 == 0 ? a : b).PostAsJsonAsync("/api/v1/feedback", new[] { item }));
                if (response?.StatusCode == HttpStatusCode.Accepted)
                {
                    _feedback.Add(item);
                }
            }
        }

        /// <summary>Through one api: 200 events a request for 20 customers on two touchpoints; the last ten customers fail half their checkouts.</summary>
        public async Task SendTelemetryAsync(HttpClient api, CancellationToken stop)
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var now = DateTimeOffset.UtcNow;
                var customers = Enumerable.Range(0, 20).Select(i => Customer(((round * 20) + i) % Customers)).ToList();
                var events = customers.SelectMany(c => new[] { "checkout", "search" }.SelectMany(t => Enumerable.Range(0, 5).Select(k =>
                    TelemetryEvents.Raw(c, t, now.AddMilliseconds(-k), 50, success: !(t == "checkout" && IsDisrupted(c) && k % 2 == 0))))).ToArray();
                var response = await TryAsync(() => api.PostAsJsonAsync("/api/v1/telemetry", events));
                if (response?.StatusCode == HttpStatusCode.Accepted
                    && (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("accepted").GetInt32() == events.Length)
                {
                    foreach (var customer in customers)
                    {
                        _telemetry.Add((DateTimeOffset.UtcNow, customer, 10));
                    }

                    Interlocked.Increment(ref _telemetryRequests);
                }
                else
                {
                    Interlocked.Add(ref _unacknowledgedEvents, events.Length);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None); // paces the sender, about 3,000 events/s
            }
        }

        public string Summary() =>
            $"{_profiles.Values.Count(p => p.Acked >= 0)} customers' profiles acknowledged, {_feedback.Count} of {_feedbackAttempts} feedback items acknowledged, " +
            $"{_telemetry.Sum(t => t.Events)} telemetry events acknowledged ({_unacknowledgedEvents} not)";

        public async Task AssertProfilesAsync(HttpClient api)
        {
            foreach (var (customer, (acked, after)) in _profiles)
            {
                var name = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}")).GetProperty("profile").GetProperty("name").GetString();
                var allowed = new[] { acked }.Concat(after).Select(v => $"{customer} v{v}").ToList();
                Assert.True(name is not null && allowed.Contains(name), $"{customer}: the profile reads '{name}', not the last acknowledged '{customer} v{acked}' (or a later write)");
            }
        }

        /// <summary>Every acknowledged item is stored: sent again, each is a duplicate.</summary>
        public async Task AssertFeedbackAsync(HttpClient api)
        {
            var items = _feedback.ToList();
            foreach (var chunk in items.Chunk(200))
            {
                var answer = await (await api.PostAsJsonAsync("/api/v1/feedback", chunk)).Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(answer.GetProperty("duplicates").GetInt32() == chunk.Length, $"acknowledged feedback missing: {answer}");
            }
        }

        public async Task<TelemetryAccount> TelemetryLossAsync(HttpClient api, TimeSpan window)
        {
            var acked = _telemetry.GroupBy(t => t.Customer).ToDictionary(g => g.Key, g => g.Sum(t => t.Events));
            long lost = 0, extra = 0;
            foreach (var (customer, events) in acked)
            {
                var document = await api.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}");
                var counted = document.GetProperty("touchpoints").EnumerateArray().Sum(t => t.GetProperty("events").GetInt64());
                lost += Math.Max(0, events - counted);
                extra += Math.Max(0, counted - events);
            }

            var bound = _telemetry.Where(t => t.At >= KilledAt - window && t.At <= KilledAt).Sum(t => t.Events);
            return new TelemetryAccount(acked.Values.Sum(), lost, extra, _unacknowledgedEvents, bound, window);
        }

        private static bool IsDisrupted(string customer) => int.Parse(customer[3..], System.Globalization.CultureInfo.InvariantCulture) >= Customers - Disrupted;

        private static async Task<HttpResponseMessage?> TryAsync(Func<Task<HttpResponseMessage>> send)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException)
            {
                return null;
            }
            catch (TaskCanceledException)
            {
                return null;
            }
        }
    }

    private sealed record TelemetryAccount(long Acknowledged, long Lost, long Extra, long Unacknowledged, long Bound, TimeSpan Window)
    {
        public override string ToString() =>
            $"telemetry: {Acknowledged:N0} events acknowledged, {Lost:N0} lost ({(Acknowledged == 0 ? 0 : 100.0 * Lost / Acknowledged):0.00} %), " +
            $"bound {Bound:N0} (acknowledged in the {Window.TotalSeconds:0} s before the kill: checkpoint window + flush), {Extra:N0} counted beyond what was acknowledged ({Unacknowledged:N0} sent unacknowledged)";
    }
}
