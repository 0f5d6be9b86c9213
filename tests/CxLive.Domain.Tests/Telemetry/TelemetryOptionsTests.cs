using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_follow_the_scoring_design()
    {
        var options = new TelemetryOptions();
        Assert.Empty(options.Validate());
        Assert.Equal("Telemetry", TelemetryOptions.SectionName);
        Assert.Equal(6, options.SlotsPerShortWindow);
        Assert.Equal(60, options.SlotsPerLongWindow);
        Assert.Equal(0.5, Math.Pow(1 - options.BaselineAlpha, options.BaselineHalfLifeMinutes), 12);
    }

    public static TheoryData<string, Action<TelemetryOptions>> Broken => new()
    {
        { "Telemetry:SlotSeconds must divide 60", o => o.SlotSeconds = 7 },
        { "Telemetry:SlotSeconds must divide 60", o => o.SlotSeconds = 0 },
        { "Telemetry:SlotSeconds must divide Telemetry:ShortWindowSeconds", o => o.ShortWindowSeconds = 65 },
        { "Telemetry:SlotSeconds must divide Telemetry:LongWindowSeconds", o => o.LongWindowSeconds = 605 },
        { "Telemetry:LongWindowSeconds (30) must be at least Telemetry:ShortWindowSeconds", o => o.LongWindowSeconds = 30 },
        { "Telemetry:LongWindowSeconds / Telemetry:SlotSeconds must be at most 3600", o => (o.SlotSeconds, o.LongWindowSeconds) = (1, 7200) },
        { "Telemetry:DisruptionFloor", o => o.DisruptionFloor = 0 },
        { "Telemetry:DisruptionFloor", o => o.DisruptionFloor = double.NaN },
        { "Telemetry:BurnFactor", o => o.BurnFactor = -1 },
        { "Telemetry:MinEvents", o => o.MinEvents = 0 },
        { "Telemetry:ConfidenceZ", o => o.ConfidenceZ = 0 },
        { "Telemetry:RecoveryFactor", o => o.RecoveryFactor = 1.5 },
        { "Telemetry:BaselineHalfLifeMinutes", o => o.BaselineHalfLifeMinutes = 0 },
        { "Telemetry:BaselineWarmupMinutes", o => o.BaselineWarmupMinutes = -1 },
        { "Telemetry:DegradedFactor", o => o.DegradedFactor = 0.5 },
        { "Telemetry:DegradedMargin", o => o.DegradedMargin = 1 },
        { "Telemetry:LatencyDegradedFactor", o => o.LatencyDegradedFactor = 1 },
        { "Telemetry:MinutesHistory", o => o.MinutesHistory = 0 },
        { "Telemetry:HoursHistory", o => o.HoursHistory = 100_000 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Names_the_setting_to_fix(string expected, Action<TelemetryOptions> breakIt)
    {
        var options = new TelemetryOptions();
        breakIt(options);

        var message = Assert.Single(options.Validate());
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slot_index_is_unix_seconds_over_slot_seconds()
    {
        var options = new TelemetryOptions();
        var time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_019);
        Assert.Equal(170_000_001, options.SlotIndexOf(time));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_010), options.SlotStart(170_000_001));
    }
}
