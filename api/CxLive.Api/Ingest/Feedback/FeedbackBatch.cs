using CxLive.Grains.Abstractions.Feedback;

namespace CxLive.Api.Ingest.Feedback;

/// <summary>One body's feedback, read and checked: the items grouped per customer (one grain call each) and the rejections.</summary>
internal sealed class FeedbackBatch
{
    private readonly Dictionary<string, List<FeedbackItem>> _byCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _indices = new(StringComparer.Ordinal);
    private readonly List<FeedbackRejection> _rejected = [];

    /// <summary>Why the body as a whole is not feedback (neither an object nor an array of them), else null.</summary>
    public string? ShapeProblem { get; private set; }

    public IReadOnlyDictionary<string, List<FeedbackItem>> ByCustomer => _byCustomer;

    public IReadOnlyList<FeedbackRejection> Rejected => _rejected;

    public int Accepted { get; private set; }

    public void Add(int index, FeedbackItem item)
    {
        if (!_byCustomer.TryGetValue(item.CustomerId, out var list))
        {
            list = [];
            _byCustomer[item.CustomerId] = list;
            _indices[item.CustomerId] = [];
        }

        list.Add(item);
        _indices[item.CustomerId].Add(index);
        Accepted++;
    }

    /// <summary>Refuses every item of one customer after all (it may not be created), each with why.</summary>
    public void Refuse(string customerId, string why)
    {
        if (_byCustomer.Remove(customerId, out var items) && _indices.Remove(customerId, out var indices))
        {
            Accepted -= items.Count;
            _rejected.AddRange(indices.Select(i => new FeedbackRejection(i, why)));
            _rejected.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        }
    }

    public void Reject(int index, string error) => _rejected.Add(new FeedbackRejection(index, error));

    public static FeedbackBatch NotFeedback(string problem) => new() { ShapeProblem = problem };
}
