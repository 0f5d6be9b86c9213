using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Webhooks;

/// <summary>Webhook log lines: alert id, target name, attempt and outcome only; never URLs, secrets or bodies.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Target} accepted alert {AlertId} v{Version} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string alertId, int version, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Target} failed alert {AlertId} v{Version} on attempt {Attempt}: {Error}; will retry")]
    public static partial void WillRetry(ILogger logger, string alertId, int version, string target, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Target} dead-lettered alert {AlertId} v{Version} after {Attempt} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, string alertId, int version, string target, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery of alert {AlertId} v{Version} to {Target} could not be recorded; retrying")]
    public static partial void RecordFailed(ILogger logger, string alertId, int version, string target, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook outbox could not resume its pending deliveries at start-up")]
    public static partial void ResumeFailed(ILogger logger, Exception exception);
}
