namespace CxLive.Domain.Tests;

public sealed class EntityIdTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("api.orders")]
    [InlineData("user@example:1_x-y")]
    public void Accepts_ids_made_of_allowed_characters(string id) => Assert.True(EntityId.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("ünïcode")]
    public void Rejects_ids_with_other_characters(string id)
    {
        Assert.False(EntityId.IsValid(id));
        Assert.NotNull(EntityId.Problem(id));
    }

    [Fact]
    public void Rejects_ids_longer_than_128_characters()
    {
        Assert.True(EntityId.IsValid(new string('a', 128)));
        Assert.False(EntityId.IsValid(new string('a', 129)));
        Assert.Contains("128", EntityId.Problem(new string('a', 129)), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_and_string_checks_agree()
    {
        foreach (var id in new[] { "acme", "a b", "x@y", new string('z', 129), "é" })
        {
            Assert.Equal(EntityId.IsValid(id), EntityId.IsValid(System.Text.Encoding.UTF8.GetBytes(id)));
        }
    }
}
