using CxLive.Grains.Webhooks;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void No_targets_and_the_defaults_are_valid()
    {
        Assert.Empty(new WebhookOptions().Validate());
    }

    [Fact]
    public void Bad_targets_fail_start_up_with_messages_naming_the_setting_and_never_the_secret_or_url()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Webhooks:MaxAttempts"] = "0",
            ["Webhooks:Targets:0:Name"] = "ops",
            ["Webhooks:Targets:0:Url"] = "/relative/hook",
            ["Webhooks:Targets:0:Secret"] = "s3cret-value",
            ["Webhooks:Targets:1:Name"] = "OPS",
            ["Webhooks:Targets:1:Url"] = "ftp://user:pw@files.example/hook",
            ["Webhooks:Targets:1:Secret"] = " ",
            ["Webhooks:Targets:2:Url"] = "https://hooks.example/cxlive",
            ["Webhooks:Targets:2:Secret"] = "x",
            ["Webhooks:Targets:2:Owners:0"] = "",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Equal(
            [
                "Webhooks:MaxAttempts must be between 1 and 100 (was 0).",
                "Webhooks:Targets:0:Url must be an absolute http or https URL.",
                "Webhooks:Targets:1:Name 'OPS' is used by another target; names must be unique.",
                "Webhooks:Targets:1:Url must be an absolute http or https URL.",
                "Webhooks:Targets:1:Secret is required (the key of the X-CxLive-Signature HMAC).",
                "Webhooks:Targets:2:Name is required.",
                "Webhooks:Targets:2:Owners must not hold empty names (leave the list empty for a global target).",
            ],
            failure.Failures);
        Assert.DoesNotContain(failure.Failures, f => f.Contains("s3cret", StringComparison.Ordinal) || f.Contains("pw@", StringComparison.Ordinal));
    }

    [Fact]
    public void Good_targets_bind_with_their_owners()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Webhooks:Targets:0:Name"] = "pager",
            ["Webhooks:Targets:0:Url"] = "https://user:pw@hooks.example:8443/cxlive?token=abc",
            ["Webhooks:Targets:0:Secret"] = "s3cret",
            ["Webhooks:Targets:0:Owners:0"] = "dana",
        });

        var target = Assert.Single(services.GetRequiredService<IOptions<WebhookOptions>>().Value.Targets);

        Assert.Equal(["dana"], target.Owners);
        Assert.True(target.Receives("dana"));
        Assert.False(target.Receives("lee"));
        Assert.Equal("https://hooks.example:8443/cxlive", target.Endpoint());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCxLiveWebhooks();
        return services.BuildServiceProvider();
    }
}
