namespace Minamata.Reporting.Access;

/// <summary>A partner organisation that reports to the secretariat.</summary>
public sealed record Partner(string Id, string Name, string Email, string Language, IReadOnlyList<string>? Cc = null)
{
    /// <summary>Further focal points (a deputy, the office's shared mailbox), copied on every message to the partner.</summary>
    public IReadOnlyList<string> Cc { get; init; } = Cc ?? [];
}

/// <summary>A partner with the key just issued to it; the key is shown once and never stored.</summary>
public sealed record IssuedKey(string Id, string ApiKey);
