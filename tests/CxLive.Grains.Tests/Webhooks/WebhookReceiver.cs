using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>
/// A real Kestrel webhook receiver on 127.0.0.1 that records every POST and answers as the test scripted per alert
/// (200 when nothing is scripted). It can be stopped and started again on the same port: a receiver that goes down.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Dictionary<string, Queue<int>> _answers = new(StringComparer.Ordinal);
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/hooks/cxlive");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver(0);
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>The next answers to POSTs for this alert, in order; 200 once they are used up.</summary>
    public void Answer(string alertId, params int[] statuses)
    {
        lock (_received)
        {
            _answers[alertId] = new Queue<int>(statuses);
        }
    }

    public IReadOnlyList<ReceivedWebhook> For(string alertId)
    {
        lock (_received)
        {
            return [.. _received.Where(r => r.AlertId == alertId)];
        }
    }

    /// <summary>Every POST so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedWebhook> All()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Listens again, on the same port once it has one.</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapPost("/hooks/cxlive", Receive);
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var delivery = request.Headers["X-CxLive-Delivery"].ToString();
        var split = delivery.LastIndexOf(':');
        var alertId = split > 0 ? delivery[..split] : delivery;
        var version = split > 0 && int.TryParse(delivery[(split + 1)..], CultureInfo.InvariantCulture, out var v) ? v : -1;
        lock (_received)
        {
            var status = _answers.TryGetValue(alertId, out var answers) && answers.Count > 0 ? answers.Dequeue() : StatusCodes.Status200OK;
            _received.Add(new ReceivedWebhook(alertId, version, buffer.ToArray(), request.Headers["X-CxLive-Signature"], request.ContentType, status));
            return Results.StatusCode(status);
        }
    }
}
