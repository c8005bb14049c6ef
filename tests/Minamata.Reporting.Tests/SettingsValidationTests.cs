using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests;

/// <summary>
/// A wrong setting stops the host at start with a message naming it: the attributes and the
/// settings' own checks, as the generated validators apply them.
/// </summary>
public sealed class SettingsValidationTests
{
    private const string Key = "a-secretariat-key-long-enough-to-pass";

    [Fact]
    public void Settings_within_their_bounds_are_taken_as_given()
    {
        using var services = Services(new()
        {
            ["Minamata:Intake:Concurrency"] = "6",
            ["Minamata:Intake:PollInterval"] = "00:00:05",
            ["Minamata:Http:HealthProbeInterval"] = "00:10:00",
        });

        Assert.Equal(6, services.GetRequiredService<IOptions<IntakeOptions>>().Value.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(5), services.GetRequiredService<IOptions<IntakeOptions>>().Value.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), services.GetRequiredService<IOptions<HttpOptions>>().Value.HealthProbeInterval);
        Assert.Equal(Key, services.GetRequiredService<IOptions<AccessOptions>>().Value.SecretariatKey);
    }

    [Theory]
    [InlineData("Minamata:Intake:Concurrency", "0", "Concurrency", "between 1 and 64")]
    [InlineData("Minamata:Intake:PollInterval", "00:00:00.010", "PollInterval", "between 00:00:00.100 and 00:10:00")]
    [InlineData("Minamata:Intake:ConcurrencyWhileUploading", "9", "Minamata:Intake:ConcurrencyWhileUploading (9)", "must not be above Minamata:Intake:Concurrency (8)")]
    [InlineData("Minamata:Http:HealthProbeInterval", "00:20:00", "HealthProbeInterval", "between 00:00:00 and 00:10:00")]
    [InlineData("Minamata:Submissions:UploadUrlLifetime", "00:00:30", "UploadUrlLifetime", "between 00:01:00 and 1.00:00:00")]
    [InlineData("Minamata:Extraction:MaxReadTime", "02:00:00", "MaxReadTime", "between 00:00:00.100 and 01:00:00")]
    [InlineData("Minamata:Intake:ReconcileSchedule", "every five minutes", "Minamata:Intake:ReconcileSchedule 'every five minutes'", "not a six-field cron expression")]
    [InlineData("Minamata:Deadlines:DigestTo", "not an address", "DigestTo", "e-mail")]
    [InlineData("Minamata:Smtp:TrustedCertificateSha256", "abc", "Minamata:Smtp:TrustedCertificateSha256", "64 hexadecimal digits")]
    public void A_setting_out_of_bounds_is_refused_naming_it(string setting, string value, string named, string why)
    {
        using var services = Services(new() { [setting] = value });

        var section = setting[..setting.LastIndexOf(':')];
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(services, section));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Contains(why, refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_short_secretariat_key_and_a_relay_without_a_sender_are_refused()
    {
        using var services = Services(new() { ["Minamata:SecretariatKey"] = "short", ["Minamata:Smtp:Host"] = "smtp.example.org" });

        Assert.Contains("Minamata:SecretariatKey must be at least 24 characters.", Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value).Message, StringComparison.Ordinal);
        Assert.Contains("Minamata:Smtp:From is required when Minamata:Smtp:Host is set.", Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value).Message, StringComparison.Ordinal);
    }

    private static object Resolve(IServiceProvider services, string section) => section switch
    {
        "Minamata:Intake" => services.GetRequiredService<IOptions<IntakeOptions>>().Value,
        "Minamata:Http" => services.GetRequiredService<IOptions<HttpOptions>>().Value,
        "Minamata:Submissions" => services.GetRequiredService<IOptions<SubmissionOptions>>().Value,
        "Minamata:Extraction" => services.GetRequiredService<IOptions<ExtractionOptions>>().Value,
        "Minamata:Deadlines" => services.GetRequiredService<IOptions<DeadlineOptions>>().Value,
        "Minamata:Smtp" => services.GetRequiredService<IOptions<SmtpOptions>>().Value,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Minamata:SecretariatKey", Key);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMinamataReporting(configuration).BuildServiceProvider();
    }
}
