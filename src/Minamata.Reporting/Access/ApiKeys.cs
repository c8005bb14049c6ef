using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Minamata.Reporting.Access;

/// <summary>
/// API keys are 256 random bits; only their SHA-256 is stored. A slow password hash is not needed:
/// the keys are random, not chosen by people, so a stolen hash cannot be guessed back.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "mk_";

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HashHex(string key) => Convert.ToHexStringLower(Hash(key));

    /// <summary>Compares two hashes in time that does not depend on where they differ.</summary>
    public static bool SameHash(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);
}
