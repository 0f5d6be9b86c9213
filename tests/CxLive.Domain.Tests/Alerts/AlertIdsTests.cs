using CxLive.Domain.Alerts;

namespace CxLive.Domain.Tests.Alerts;

public sealed class AlertIdsTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("tenant:acme@eu")]
    public void The_customer_is_read_back_from_the_id(string customer)
    {
        var id = AlertIds.Format(customer, AlertReasons.FeedbackWhileDisrupted, 12);

        Assert.True(EntityId.IsValid(id) || id.Length > EntityId.MaxLength);
        Assert.Equal(customer, AlertIds.CustomerOf(id));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme:disrupted")]
    [InlineData("acme:unknown:1")]
    [InlineData("acme:disrupted:0")]
    [InlineData("acme:disrupted:x")]
    [InlineData(":disrupted:1")]
    [InlineData("ac me:disrupted:1")]
    public void Anything_else_is_no_alert_id(string id) => Assert.Null(AlertIds.CustomerOf(id));
}
