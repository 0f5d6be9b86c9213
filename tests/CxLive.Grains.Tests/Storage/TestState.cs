namespace CxLive.Grains.Tests.Storage;

[GenerateSerializer, Alias("cxlive.tests.TestState")]
public sealed class TestState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Count { get; set; }
    [Id(2)] public List<double> Values { get; set; } = [];
}
