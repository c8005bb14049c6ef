using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Minamata.Cli;
using Minamata.Reporting.Notifications;

namespace Minamata.Integration.Tests;

/// <summary>
/// Mail as production sends it: STARTTLS on a submission port, then a login, against a real SMTP
/// server whose self-signed certificate the relay settings pin.
/// </summary>
public sealed class MailRelayTests : IAsyncDisposable
{
    private static readonly NetworkCredential Login = new("reminders", "relay-password-0123");
    private readonly X509Certificate2 certificate = SelfSigned();
    private readonly MailSink relay;

    public MailRelayTests() => relay = MailSink.Start(certificate: certificate, login: Login);

    [Fact]
    public async Task A_message_goes_over_starttls_with_a_login_to_a_relay_whose_certificate_is_pinned()
    {
        var received = new TaskCompletionSource<MimeKit.MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        relay.MessageReceived += message => received.TrySetResult(message);

        await Channel(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), Login.Password).DeliverAsync(Message(), default);

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Reminder: COP-7", message.Subject);
        Assert.Equal("focal@who.example", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task An_unpinned_self_signed_certificate_and_a_wrong_password_are_both_refused()
    {
        var otherThumbprint = new string('0', 64);

        await Assert.ThrowsAnyAsync<MailKit.Security.SslHandshakeException>(() => Channel(otherThumbprint, Login.Password).DeliverAsync(Message(), default));
        await Assert.ThrowsAnyAsync<MailKit.Security.AuthenticationException>(() =>
            Channel(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), "wrong-password").DeliverAsync(Message(), default));
        Assert.Empty(relay.Received);
    }

    public async ValueTask DisposeAsync()
    {
        await relay.DisposeAsync();
        certificate.Dispose();
    }

    private EmailChannel Channel(string pinned, string password) => new(new SmtpSender(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = relay.Port,
        UseTls = true,
        UserName = Login.UserName,
        Password = password,
        From = "reminders@minamata.example",
        TrustedCertificateSha256 = pinned,
    })));

    private static OutgoingNotification Message() => new(
        new PlannedNotification("COP-7", "WHO", NotificationKind.Reminder, 7),
        Recipients.Only("focal@who.example"),
        new RenderedMessage("en", "Reminder: COP-7", "Please submit your report.", "<p>Please submit your report.</p>"));

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=relay.minamata.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
