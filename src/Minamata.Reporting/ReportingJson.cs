using System.Text.Encodings.Web;
using System.Text.Json;

namespace Minamata.Reporting;

/// <summary>
/// The one JSON shape of the pipeline: camelCase, nulls written out (the contracts say "null where
/// not found"), non-ASCII text left readable. The API, the index and the command line all use it.
/// </summary>
public static class ReportingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
