using System.Collections.Concurrent;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest;

/// <summary>
/// Which touchpoints events may name (Ingest:MaxTouchpoints): those in the catalog, and new ones while the catalog
/// and the ones this process let in since (until the catalog lists them) stay under the cap. Decided as each event is
/// read, from memory only: the catalog is small and already here.
/// </summary>
internal sealed class TouchpointAdmission(TouchpointCatalog catalog, IOptions<IngestOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _letIn = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when an event may name <paramref name="touchpoint"/>.</summary>
    public bool Admit(ReadOnlySpan<char> touchpoint)
    {
        if (catalog.Contains(touchpoint) || _letIn.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(touchpoint))
        {
            return true;
        }

        lock (_gate)
        {
            foreach (var listed in _letIn.Keys.Where(t => catalog.Contains(t)))
            {
                _letIn.TryRemove(listed, out _); // the catalog has it now
            }

            if (catalog.Count + _letIn.Count >= options.Value.MaxTouchpoints)
            {
                return false;
            }

            _letIn.TryAdd(new string(touchpoint), 0);
            return true;
        }
    }

    public string Why(ReadOnlySpan<char> touchpoint) =>
        $"touchpoint '{touchpoint}' would be new, and there are Ingest:MaxTouchpoints ({options.Value.MaxTouchpoints}) already";
}
