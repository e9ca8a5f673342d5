namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>
/// Where a citation's link opens: a PDF at its page (<c>#page=N</c>), a page read with its own headings at the
/// cited section (the chunk's anchor), anything else at the document's url as given.
/// </summary>
public static class CitationUrl
{
    public static string For(string url, int? page, string? anchor)
    {
        if (string.IsNullOrWhiteSpace(url)) return url;
        var document = url.Split('#')[0];
        if (page is { } n) return $"{document}#page={n}";
        return string.IsNullOrEmpty(anchor) ? url : $"{document}#{anchor}";
    }
}
