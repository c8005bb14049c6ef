namespace Minamata.Reporting.Access;

/// <summary>Who is calling: the secretariat, or one partner organisation.</summary>
public sealed record Caller(string? PartnerId)
{
    public static Caller Secretariat { get; } = new((string?)null);

    /// <summary>How the secretariat is named where a partner's id would be (history lines, the digest's recipient).</summary>
    public const string SecretariatName = "secretariat";

    public bool IsSecretariat => PartnerId is null;

    /// <summary>The caller as history lines and uploads record who acted: the partner's id, or <c>secretariat</c>.</summary>
    public string Name => PartnerId ?? SecretariatName;

    public static Caller Partner(string partnerId) => new(partnerId);

    /// <summary>Whether this caller may see what belongs to <paramref name="partnerId"/>.</summary>
    public bool MaySee(string partnerId) => IsSecretariat || PartnerId == partnerId;
}
