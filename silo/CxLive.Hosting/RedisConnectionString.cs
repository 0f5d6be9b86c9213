using StackExchange.Redis;

namespace CxLive.Hosting;

/// <summary>Checks a StackExchange.Redis connection string without ever repeating it (it may hold a password).</summary>
public static class RedisConnectionString
{
    /// <summary>What is wrong with it, as the rest of a sentence ("is required."), or null when it parses.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "is required";
        }

        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            return options.EndPoints.Count == 0 ? "names no endpoint (host:port)" : null;
        }
        catch (ArgumentException)
        {
            return "is not a StackExchange.Redis connection string (host:port[,option=value...])";
        }
    }
}
