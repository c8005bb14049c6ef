namespace Minamata.Cli;

/// <summary><c>minamata mail-sink [--port 2525]</c>: an SMTP server on loopback that prints what it receives, until Ctrl+C.</summary>
public static class MailSinkCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var port = 2525;
        if (args is ["--port", var value] && (!int.TryParse(value, out port) || port is < 1 or > 65535) || args.Length is not (0 or 2))
        {
            await error.WriteLineAsync("minamata mail-sink: usage: minamata mail-sink [--port 2525]");
            return CommandLine.Usage;
        }

        await using var sink = MailSink.Start(port);
        sink.MessageReceived += message =>
        {
            lock (output)
            {
                output.WriteLine($"--- {DateTimeOffset.UtcNow:u} to {message.To} ({message.Body?.Headers[MimeKit.HeaderId.ContentLanguage]})");
                output.WriteLine($"Subject: {message.Subject}");
                output.WriteLine(message.TextBody);
            }
        };
        await output.WriteLineAsync($"Listening for mail on 127.0.0.1:{sink.Port}; Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        return CommandLine.Success;
    }
}
