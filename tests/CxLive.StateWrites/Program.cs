using System.Diagnostics;
using System.Globalization;
using CxLive.StateWrites;

// Grain state bytes written per second, per grain, read from outside a running embedded CxLive: every write bumps a
// row's version in grain_state (SQLite, WAL: reading never blocks the server), so two readings some seconds apart
// give each grain's writes, and its payload size their bytes. Works against any build with that table.
//
//   dotnet run -c Release --project tests/CxLive.StateWrites -- --db api/CxLive.Api/data/cxlive.db --seconds 30
if (!Arguments.TryParse(args, out var db, out var seconds, out var top))
{
    Console.Error.WriteLine("usage: --db PATH [--seconds 30] [--top 10]");
    return 1;
}

var first = await GrainStateReading.ReadAsync(db);
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var second = await GrainStateReading.ReadAsync(db);
var elapsed = clock.Elapsed.TotalSeconds;

var grains = second.Rows
    .Select(row => (row.Key, Row: row.Value, Writes: row.Value.Version - (first.Rows.TryGetValue(row.Key, out var before) ? before.Version : 0)))
    .Where(g => g.Writes > 0)
    .Select(g => (g.Key, g.Row.Type, g.Writes, g.Row.Bytes, BytesPerSecond: g.Writes * (double)g.Row.Bytes / elapsed))
    .OrderByDescending(g => g.BytesPerSecond)
    .ToList();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{db}: {second.Rows.Count:N0} grain states, {grains.Count:N0} written in {elapsed:F1} s"));
Console.WriteLine("largest writers (grain / state: writes, state size, bytes written per second):");
foreach (var grain in grains.Take(top))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {grain.Key,-48} {grain.Writes,6:N0} writes  {grain.Bytes,12:N0} B  {grain.BytesPerSecond,14:N0} B/s"));
}

Console.WriteLine("per grain type (grains written, bytes written per second, largest state):");
foreach (var type in grains.GroupBy(g => g.Type).OrderByDescending(t => t.Sum(g => g.BytesPerSecond)))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {type.Key,-20} {type.Count(),8:N0} grains  {type.Sum(g => g.BytesPerSecond),14:N0} B/s  largest {type.Max(g => g.Bytes),12:N0} B"));
}

var largest = grains.FirstOrDefault();
Console.WriteLine(largest.Key is null
    ? "statewrites: no grain state written"
    : string.Create(CultureInfo.InvariantCulture, $"statewrites: largest single grain {largest.Key}: {largest.BytesPerSecond:N0} B/s ({largest.Writes / elapsed:F2} writes/s x {largest.Bytes:N0} B)"));
return 0;
