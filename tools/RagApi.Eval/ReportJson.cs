using System.Text.Json;

namespace RagApi.Eval;

/// <summary>How every command writes its --json report: camelCase, indented, one options instance for the run.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
