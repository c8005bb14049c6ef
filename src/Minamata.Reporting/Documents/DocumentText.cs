namespace Minamata.Reporting.Documents;

/// <summary>What a reader gets out of a file: its text in reading order and its format.</summary>
public sealed record DocumentText(string Format, string Text);
