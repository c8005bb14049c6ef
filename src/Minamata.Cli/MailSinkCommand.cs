using System.CommandLine;

namespace Minamata.Cli;

/// <summary><c>minamata mail-sink [--port 2525]</c>: an SMTP server on loopback that prints what it receives, until Ctrl+C.</summary>
public static class MailSinkCommand
{
    public static Command Create(TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "The loopback port to listen on.", DefaultValueFactory = _ => 2525 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--port must be from 1 to 65535.");
            }
        });
        var command = new Command("mail-sink", "A local SMTP server that prints the mail it receives, to try reminders; Ctrl+C stops it.") { port };
        command.SetAction(async (parsed, stop) =>
        {
            await using var sink = MailSink.Start(parsed.GetValue(port));
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
                // System.CommandLine cancels the token on Ctrl+C.
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
            }

            return CommandLine.Success;
        });
        return command;
    }
}
