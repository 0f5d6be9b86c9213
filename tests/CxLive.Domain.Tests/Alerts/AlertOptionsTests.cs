using CxLive.Domain.Alerts;

namespace CxLive.Domain.Tests.Alerts;

public sealed class AlertOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new AlertOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("Alerts", AlertOptions.SectionName);
        Assert.Equal(TimeSpan.FromMinutes(2), options.DisruptedGrace);
        Assert.False(options.AutoResolve);
    }

    public static TheoryData<string, Action<AlertOptions>> Broken => new()
    {
        { "Alerts:RevenueFloor", o => o.RevenueFloor = -1 },
        { "Alerts:RevenueFloor", o => o.RevenueFloor = double.NaN },
        { "Alerts:DisruptedGrace", o => o.DisruptedGrace = TimeSpan.FromSeconds(-1) },
        { "Alerts:ScoreDropPoints", o => o.ScoreDropPoints = 0 },
        { "Alerts:ScoreDropWindow", o => o.ScoreDropWindow = TimeSpan.Zero },
        { "Alerts:DefaultOwner", o => o.DefaultOwner = "" },
        { "Alerts:EscalationAfter", o => o.EscalationAfter = TimeSpan.Zero },
        { "Alerts:EscalationOwner", o => o.EscalationOwner = "a b" },
        { "Alerts:UpdateInterval", o => o.UpdateInterval = TimeSpan.FromDays(2) },
        { "Alerts:EvidenceFeedback", o => o.EvidenceFeedback = 51 },
        { "Alerts:KeepResolved", o => o.KeepResolved = -1 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_setting_is_named(string setting, Action<AlertOptions> breakIt)
    {
        var options = new AlertOptions();
        breakIt(options);

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }
}
