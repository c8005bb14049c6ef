namespace Minamata.Reporting.Access;

/// <summary>A partner organisation that reports to the secretariat.</summary>
public sealed record Partner(string Id, string Name, string Email, string Language);

/// <summary>A partner with the key just issued to it; the key is shown once and never stored.</summary>
public sealed record IssuedKey(string Id, string ApiKey);
