namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Front-matter or JSON fields of one document, each with the line it sits on,
/// turned into a <see cref="SourceDocument"/> or into problems naming file and line.
/// </summary>
internal sealed class DocumentFields(string file, int firstLine)
{
    private readonly Dictionary<string, (string Value, int Line)> _values = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string name, string value, int line) => _values[name] = (value, line);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Files without their own metadata (PDF, HTML) must get these from a sidecar; each missing one is named.</summary>
    public bool Require(IEnumerable<string> names, string hint, List<DocumentProblem> problems)
    {
        var missing = names.Where(n => string.IsNullOrWhiteSpace(Text(n))).ToList();
        if (missing.Count == 0) return true;
        problems.Add(new(file, 0, $"missing {string.Join(", ", missing.Select(m => $"'{m}'"))}: {hint}"));
        return false;
    }

    /// <summary>A value the file itself supplies (a web page's title) unless the sidecar already set one.</summary>
    public void SetDefault(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(Text(name))) _values[name] = (value, firstLine);
    }

    public SourceDocument? ToDocument(string body, DocumentKind? defaultKind, List<DocumentProblem> problems)
    {
        var before = problems.Count;
        var id = Text("id") ?? Text("_id");
        if (string.IsNullOrWhiteSpace(id))
            problems.Add(new(file, firstLine, "missing 'id'"));

        DocumentKind kind = defaultKind ?? DocumentKind.Research;
        var kindText = Text("kind");
        if (kindText is not null && !DocumentKinds.TryParse(kindText, out kind))
            problems.Add(new(file, LineOf("kind"), $"unknown kind '{kindText}' (expected one of: {string.Join(", ", DocumentKinds.Names)})"));
        else if (kindText is null && defaultKind is null)
            problems.Add(new(file, firstLine, "missing 'kind' (expected one of: guideline, research)"));

        int? year = null;
        var yearText = Text("year");
        if (!string.IsNullOrWhiteSpace(yearText))
        {
            if (int.TryParse(yearText, out var parsed) && parsed is >= 1800 and <= 2200) year = parsed;
            else problems.Add(new(file, LineOf("year"), $"'year' must be a four-digit year, not '{yearText}'"));
        }

        if (string.IsNullOrWhiteSpace(body))
            problems.Add(new(file, firstLine, $"document '{id}' has no text"));

        if (problems.Count > before) return null;
        var title = Text("title");
        return new SourceDocument(
            Id: id!.Trim(),
            Title: string.IsNullOrWhiteSpace(title) ? id.Trim() : title.Trim(),
            Kind: kind,
            Source: Text("source")?.Trim() ?? "",
            Year: year,
            Url: Text("url")?.Trim() ?? "",
            Citation: Text("citation")?.Trim() ?? "",
            Body: body,
            Origin: new DocumentOrigin(file, firstLine));
    }

    private string? Text(string name) => _values.TryGetValue(name, out var v) ? v.Value : null;

    private int LineOf(string name) => _values.TryGetValue(name, out var v) ? v.Line : firstLine;
}
