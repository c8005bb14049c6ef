using System.Security.Cryptography;
using System.Text;
using Minamata.Reporting.Access;

namespace Minamata.Reporting.Index;

/// <summary>
/// A report's id is <c>{partner}-{26 base32 characters}</c>: the partner says which table partition
/// holds it, and the rest is the hash of the blob it came in as. Deriving the id from the blob name is
/// what makes the intake idempotent: the same blob always becomes the same report, whichever host or
/// instance takes it in and however often.
/// </summary>
public static class ReportId
{
    /// <summary>The partition of blobs whose path names no valid partner; no partner id can be this.</summary>
    public const string Unassigned = "_";

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int HashCharacters = 26;

    public static string ForBlob(string partnerKey, string blobName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobName));
        var text = new StringBuilder(partnerKey.Length + 1 + HashCharacters).Append(partnerKey).Append('-');
        // 26 characters of 5 bits: the first 130 bits of the hash.
        for (var i = 0; i < HashCharacters; i++)
        {
            var bit = i * 5;
            var twoBytes = (hash[bit / 8] << 8) | hash[(bit / 8) + 1];
            text.Append(Alphabet[(twoBytes >> (11 - (bit % 8))) & 31]);
        }

        return text.ToString();
    }

    /// <summary>The partner key of a well-formed id; false for anything else, so a bad id is simply not found.</summary>
    public static bool TryGetPartner(string? id, out string partnerKey)
    {
        partnerKey = "";
        var dash = id?.LastIndexOf('-') ?? -1;
        if (id is null || dash < 1 || id.Length - dash - 1 != HashCharacters)
        {
            return false;
        }

        var partner = id[..dash];
        if (partner != Unassigned && !PartnerId.IsValid(partner))
        {
            return false;
        }

        foreach (var c in id.AsSpan(dash + 1))
        {
            if (!Alphabet.Contains(c))
            {
                return false;
            }
        }

        partnerKey = partner;
        return true;
    }
}
