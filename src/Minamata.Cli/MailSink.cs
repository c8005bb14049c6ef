using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Minamata.Cli;

/// <summary>
/// A real SMTP server on a loopback port that keeps what it receives: for trying the reminders on
/// a laptop (<c>minamata mail-sink</c>) and for the tests. It can be told to refuse messages.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private MailSink(int port, Store store, X509Certificate2? certificate, NetworkCredential? login)
    {
        Port = port;
        Received = store.Received;
        this.store = store;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("minamata-mail-sink")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false);
                if (certificate is not null)
                {
                    // STARTTLS, as a submission port (587) offers it; credentials only once encrypted.
                    endpoint.Certificate(certificate).AllowUnsecureAuthentication(false);
                }

                if (login is not null)
                {
                    endpoint.AuthenticationRequired();
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        if (login is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == login.UserName && password == login.Password));
        }

        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    private readonly Store store;

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; }

    /// <summary>While true, every message is refused with a transaction failure (the relay is "down").</summary>
    public bool Refusing
    {
        get => store.Refusing;
        set => store.Refusing = value;
    }

    /// <summary>Called for each message kept.</summary>
    public event Action<MimeMessage>? MessageReceived
    {
        add => store.MessageReceived += value;
        remove => store.MessageReceived -= value;
    }

    /// <param name="certificate">Offer STARTTLS with this certificate (a relay on the submission port).</param>
    /// <param name="login">Require these credentials, as a relay does.</param>
    public static MailSink Start(int port = 0, X509Certificate2? certificate = null, NetworkCredential? login = null) =>
        new(port == 0 ? FreePort() : port, new Store(), certificate, login);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public bool Refusing { get; set; }

        public event Action<MimeMessage>? MessageReceived;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refusing)
            {
                return SmtpResponse.TransactionFailed;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Received.Enqueue(message);
            MessageReceived?.Invoke(message);
            return SmtpResponse.Ok;
        }
    }
}
