namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>Guidelines are cited before research in every answer.</summary>
public enum DocumentKind
{
    Guideline,
    Research,
}

public static class DocumentKinds
{
    public static readonly IReadOnlyList<string> Names = ["guideline", "research"];

    public static bool TryParse(string? value, out DocumentKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "guideline": kind = DocumentKind.Guideline; return true;
            case "research": kind = DocumentKind.Research; return true;
            default: kind = default; return false;
        }
    }

    public static string ToName(this DocumentKind kind) => kind == DocumentKind.Guideline ? "guideline" : "research";
}
