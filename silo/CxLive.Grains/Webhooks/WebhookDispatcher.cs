using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Tries deliveries off the outbox grain's turn: POSTs the signed body with the named <see cref="HttpClientName"/>
/// client and reports each try to the outbox, which records it durably and says whether to go on. Polly's retry
/// strategy spaces the tries (exponential with jitter, on the grain clock); the outbox owns the attempt count.
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    public const string HttpClientName = "cxlive-webhooks";

    private readonly IHttpClientFactory _http;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly ResiliencePipeline<bool> _pipeline;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public WebhookDispatcher(
        IHttpClientFactory http,
        IGrainFactory grains,
        IOptions<WebhookOptions> options,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
        ILogger<WebhookDispatcher> logger)
    {
        _http = http;
        _grains = grains;
        _clock = clock;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<bool> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<bool>
            {
                // The outbox decides when to stop (MaxAttempts, durable); the pipeline only spaces the tries.
                ShouldHandle = new PredicateBuilder<bool>().HandleResult(true).Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.FirstRetryDelay,
                MaxDelay = options.Value.MaxRetryDelay,
            })
            .Build();
    }

    /// <summary>Starts trying one delivery of outbox <paramref name="outbox"/> unless this silo is at it already; returns at once.</summary>
    internal void Start(string outbox, AlertNotice notice, WebhookTargetOptions target)
    {
        var key = $"{target.Name}\n{WebhookPayload.DeliveryKey(notice.AlertId, notice.Version)}";
        if (!_stopping.IsCancellationRequested && _inFlight.TryAdd(key, 0))
        {
            // Off the grain's scheduler on purpose: the grain only hears back through Record.
            _ = Task.Run(() => RunAsync(outbox, key, notice, target), CancellationToken.None);
        }
    }

    /// <summary>Abandons the tries under way (their next attempt resumes from the outbox); starts no new ones.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(string outbox, string key, AlertNotice notice, WebhookTargetOptions target)
    {
        var ledger = _grains.GetGrain<IWebhookDeliveryLedger>(outbox);
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    var report = await TryAsync(notice, target, token);
                    try
                    {
                        return await ledger.Record(report);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        WebhookLog.RecordFailed(_logger, notice.AlertId, notice.Version, target.Name, ex);
                        throw;
                    }
                },
                _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping; the outbox resumes the delivery when it is next activated.
        }
        catch (ObjectDisposedException)
        {
            // Same: stopped while a try was under way.
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<WebhookAttemptReport> TryAsync(AlertNotice notice, WebhookTargetOptions target, CancellationToken cancellationToken)
    {
        var body = WebhookPayload.Body(notice, _clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookPayload.SignatureHeader, WebhookPayload.Signature(target.Secret, body));
        request.Headers.Add(WebhookPayload.DeliveryHeader, WebhookPayload.DeliveryKey(notice.AlertId, notice.Version));
        (WebhookAttemptResult Result, string? Error) outcome;
        try
        {
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            outcome = WebhookAttemptReport.Classify((int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            outcome = (WebhookAttemptResult.Transient, $"no answer ({ex.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = (WebhookAttemptResult.Transient, "timeout");
        }

        return new WebhookAttemptReport
        {
            AlertId = notice.AlertId,
            Version = notice.Version,
            Target = target.Name,
            Result = outcome.Result,
            Error = outcome.Error,
        };
    }
}
