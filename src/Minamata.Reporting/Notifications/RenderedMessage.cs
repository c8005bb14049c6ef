namespace Minamata.Reporting.Notifications;

/// <summary>A message ready to send: subject, and the same text as plain text and as HTML.</summary>
public sealed record RenderedMessage(string Language, string Subject, string Text, string Html);
