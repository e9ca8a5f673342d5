namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Gives each section of a document read from its own page (HTML, PMC JATS, PubMed) the anchor that opens it, in
/// document order. A heading with the source's element id gets that id. One without is found by its text only if
/// that text is not in anything read before it: a browser opens the first match, so a body "Results" after the
/// abstract's "Results" (or after "the results of" in a paragraph) would open the wrong place, and gets no text
/// fragment. A section without an anchor of its own takes its enclosing section's, which also holds it.
/// </summary>
internal sealed class SectionAnchors
{
    private readonly List<string> _seen = [];
    private readonly bool _enabled;

    private SectionAnchors(bool enabled) => _enabled = enabled;

    /// <summary>For a page that shows these headings; <paramref name="before"/> is text it shows above them (its title).</summary>
    public static SectionAnchors ForPage(params string[] before)
    {
        var anchors = new SectionAnchors(enabled: true);
        foreach (var text in before) anchors.Saw(text);
        return anchors;
    }

    /// <summary>For a url that is not the page the headings came from (a publisher's DOI, an abstract page).</summary>
    public static SectionAnchors None { get; } = new(enabled: false);

    /// <summary>The anchor of a section entered now, or its enclosing section's when it cannot have one.</summary>
    public string? Enter(string heading, string? elementId, string? enclosing)
    {
        if (!_enabled) return null;
        var own = !string.IsNullOrWhiteSpace(elementId) ? SectionAnchor.ElementId(elementId.Trim())
            : heading.Length > 0 && !WasSeen(heading) ? SectionAnchor.TextFragment(heading)
            : null;
        Saw(heading);
        return own ?? enclosing;
    }

    /// <summary>Text the page shows, in order; a later heading that repeats it cannot be found by text.</summary>
    public void Saw(string text)
    {
        if (_enabled && text.Length > 0) _seen.Add(text);
    }

    private bool WasSeen(string heading) => _seen.Any(t => t.Contains(heading, StringComparison.OrdinalIgnoreCase));
}
