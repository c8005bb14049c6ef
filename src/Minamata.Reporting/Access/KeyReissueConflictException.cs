namespace Minamata.Reporting.Access;

/// <summary>Two key reissues for one partner raced and this one lost: its key was never live, or is revoked already.</summary>
public sealed class KeyReissueConflictException(string partnerId, Exception? inner)
    : Exception($"Another request reissued the key of partner '{partnerId}' at the same time.", inner);
