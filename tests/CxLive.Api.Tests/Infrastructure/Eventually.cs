namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// Awaits a condition that the system reaches asynchronously (a flush, a verdict), checking it as it goes and
/// failing with what was expected when the deadline passes. Not a sleep: it returns as soon as the condition holds.
/// </summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string expected)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var last = await probe();
        while (!condition(last))
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"{expected} (not within {timeout.TotalSeconds:0.#} s; last seen: {last})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            last = await probe();
        }

        return last;
    }
}
