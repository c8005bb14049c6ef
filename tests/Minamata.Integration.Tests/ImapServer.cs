using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Minamata.Integration.Tests;

/// <summary>
/// A real IMAP server for a test: Debian's Dovecot (package <c>dovecot-imapd</c>, which
/// <c>.ci/run</c> installs), started in the foreground on a free loopback port with a configuration,
/// a mailbox user and mail folders of its own in a temporary directory, and stopped with the test.
/// The user signs in with a password or, when the server is started with a token, with that token
/// (XOAUTH2, as Exchange Online takes it), which Dovecot checks with an introspection endpoint
/// here standing in for the identity provider.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImapServer : IAsyncDisposable
{
    public const string UserName = "secretariat";
    public const string Password = "mailbox-password-0123";
    private const string Binary = "/usr/sbin/dovecot";

    private readonly DirectoryInfo folder;
    private readonly Process process;
    private readonly TokenIntrospection? introspection;

    private ImapServer(DirectoryInfo folder, Process process, int port, TokenIntrospection? introspection)
    {
        this.folder = folder;
        this.process = process;
        this.introspection = introspection;
        Port = port;
    }

    public int Port { get; }

    /// <param name="acceptedToken">A bearer token the server takes for the user, besides the password.</param>
    public static async Task<ImapServer> StartAsync(string? acceptedToken = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"The mail intake's tests need Dovecot ({Binary}): apt-get install dovecot-imapd (.ci/run installs it).");
        }

        var folder = Directory.CreateTempSubdirectory("minamata-imap-");
        var mail = Directory.CreateDirectory(Path.Combine(folder.FullName, "mail"));
        // Dovecot's own processes run as its users when started by root: they must reach the mail.
        folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        mail.UnixFileMode = (UnixFileMode)Convert.ToInt32("1777", 8);
        var users = Path.Combine(folder.FullName, "users");
        await File.WriteAllTextAsync(users, $"{UserName}:{{PLAIN}}{Password}\n");
        File.SetUnixFileMode(users, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var port = FreePort();
        var introspection = acceptedToken is null ? null : TokenIntrospection.Start(acceptedToken);
        if (introspection is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "oauth2.conf.ext"), $"""
                introspection_mode = post
                introspection_url = {introspection.Url}
                username_attribute = username
                active_attribute = active
                active_value = true
                """);
        }

        var config = Path.Combine(folder.FullName, "dovecot.conf");
        await File.WriteAllTextAsync(config, Configuration(folder.FullName, port, introspection is not null));
        var process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Dovecot did not start.");
        var server = new ImapServer(folder, process, port, introspection);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Delivers a message into a folder of the mailbox, as the mail server does when it arrives.</summary>
    public async Task DeliverAsync(MimeMessage message, string folderName = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await client.GetFolderAsync(folderName);
        await target.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in a folder; none when the folder does not exist.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(string folderName)
    {
        using var client = await ConnectAsync();
        IMailFolder target;
        try
        {
            target = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = await target.FetchAsync(0, -1, MessageSummaryItems.Envelope);
        await client.DisconnectAsync(true);
        return [.. summaries.Select(s => s.Envelope?.MessageId ?? "")];
    }

    /// <summary>Moves every message from one folder to another, as a person would drag them back.</summary>
    public async Task MoveAllAsync(string from, string to)
    {
        using var client = await ConnectAsync();
        var source = await client.GetFolderAsync(from);
        await source.OpenAsync(FolderAccess.ReadWrite);
        await source.MoveToAsync(await source.SearchAsync(SearchQuery.All), await client.GetFolderAsync(to));
        await client.DisconnectAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        introspection?.Dispose();
        folder.Delete(recursive: true);
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(UserName, Password);
        return client;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = await ConnectAsync();
                await client.DisconnectAsync(true);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception e)
            {
                var log = Path.Combine(folder.FullName, "dovecot.log");
                var said = File.Exists(log) ? await File.ReadAllTextAsync(log) : await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"Dovecot did not answer on port {Port}: {said}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// One instance of its own: plain IMAP on loopback (the intake's TLS is MailKit's, tested with
    /// the relay), one user from a file, maildir folders. Started by root, the mail processes run as
    /// Dovecot's own user (it refuses root); started by anyone else, everything runs as that user.
    /// </summary>
    private static string Configuration(string folder, int port, bool tokens)
    {
        var privileged = Environment.IsPrivilegedProcess;
        var mailUser = privileged ? "dovecot" : Environment.UserName;
        return $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            instance_name = minamata-test-{{port}}
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login{{(tokens ? " xoauth2 oauthbearer" : "")}}
            log_path = {{folder}}/dovecot.log
            mail_location = maildir:{{folder}}/mail/%u
            first_valid_uid = 0
            {{(privileged ? "" : $"default_login_user = {mailUser}\ndefault_internal_user = {mailUser}")}}
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            {{(tokens ? $"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {folder}/oauth2.conf.ext\n}}" : "")}}
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{folder}}/mail/%u
            }
            namespace inbox {
              inbox = yes
              separator = /
            }
            """;
    }

    /// <summary>The identity provider's token check as Dovecot asks it (RFC 7662): active for the one token it was given.</summary>
    private sealed class TokenIntrospection : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly string accepted;

        private TokenIntrospection(string accepted, int port)
        {
            this.accepted = accepted;
            Url = $"http://127.0.0.1:{port}/introspect";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        }

        public string Url { get; }

        public static TokenIntrospection Start(string accepted)
        {
            var introspection = new TokenIntrospection(accepted, FreePort());
            introspection.listener.Start();
            _ = introspection.AnswerAsync();
            return introspection;
        }

        public void Dispose() => listener.Close();

        private async Task AnswerAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                var active = form["token"] == accepted;
                var answer = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["active"] = active, ["username"] = UserName }));
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        }
    }
}
