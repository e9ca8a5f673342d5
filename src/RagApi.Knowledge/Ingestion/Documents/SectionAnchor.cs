namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// The URL fragment (without '#') that opens a section on the page a document's url names: the element id the
/// source gives the section, else a text fragment of its heading (the WICG Text Fragments syntax Chromium, Edge
/// and Safari follow).
/// </summary>
public static class SectionAnchor
{
    public static string ElementId(string id) => Uri.EscapeDataString(id);

    /// <summary>Dash, comma and ampersand are the directive's own syntax, so they are percent-encoded with the rest.</summary>
    public static string TextFragment(string heading) =>
        ":~:text=" + Uri.EscapeDataString(heading).Replace("-", "%2D", StringComparison.Ordinal);
}
