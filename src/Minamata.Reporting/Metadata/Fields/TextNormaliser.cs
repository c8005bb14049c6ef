using System.Text;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The text the fields are read from: digits of every script as ASCII (Arabic-Indic ٢٠٢٥ is 2025),
/// exotic spaces as spaces, soft hyphens, zero-width characters and the Arabic tatweel (a
/// stretch, not a letter) gone.
/// </summary>
internal static class TextNormaliser
{
    public static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '\u0660' and <= '\u0669':
                    normalised.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    normalised.Append((char)('0' + (c - '\u06F0')));
                    break;
                case >= '\uFF10' and <= '\uFF19':
                    normalised.Append((char)('0' + (c - '\uFF10')));
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003' or '\u3000':
                    normalised.Append(' ');
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF' or '\u061C' or '\u0640':
                    break;
                case '\r':
                    break;
                default:
                    normalised.Append(c);
                    break;
            }
        }

        return normalised.ToString();
    }
}
