// Run: dotnet run -c Release --project tests/CxLive.LoadTool -- --help
using CxLive.LoadTool;

if (!LoadOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"loadtool: {error}");
    Console.Error.WriteLine("loadtool: run with --help for the options.");
    return 1;
}

if (options.Help)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        // The first Ctrl+C stops cleanly (report included); a second one ends the process.
        e.Cancel = true;
        Console.Error.WriteLine("loadtool: stopping; Ctrl+C again to kill.");
        stop.Cancel();
    }
};

return options.DryRun
    ? GeneratorDryRun.Run(options, stop.Token)
    : await new LoadRun(options).RunAsync(stop.Token);
