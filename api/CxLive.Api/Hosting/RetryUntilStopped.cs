namespace CxLive.Api.Hosting;

/// <summary>
/// In client mode the api keeps trying to reach the cluster instead of failing start-up; meanwhile it serves
/// /health/live and answers 503 with Retry-After.
/// </summary>
internal sealed partial class RetryUntilStopped(ILogger<RetryUntilStopped> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        LogRetry(logger, attempt, exception.GetType().Name);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster is not reachable yet (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string error);
}
