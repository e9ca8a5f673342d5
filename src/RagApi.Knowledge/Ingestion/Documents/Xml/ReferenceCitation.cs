using System.Text;

namespace RagApi.Knowledge.Ingestion.Documents.Xml;

/// <summary>A reference as a reader would cite it, from a PubMed or JATS record's parts.</summary>
internal sealed record ReferenceCitation(
    IReadOnlyList<string> Authors, string Title, string Journal, int? Year, string Volume, string Issue, string Pages, string Doi)
{
    private const int AuthorsBeforeEtAl = 3;

    /// <summary>"Vedeler CA, Antoine JC, Giometto B, et al. Title. Eur J Neurol. 2006;13(7):682-690. doi:..."</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Authors.Count > 0)
        {
            text.AppendJoin(", ", Authors.Take(AuthorsBeforeEtAl));
            text.Append(Authors.Count > AuthorsBeforeEtAl ? ", et al. " : ". ");
        }
        text.Append(Title.TrimEnd('.')).Append(". ");
        if (Journal.Length > 0) text.Append(Journal.TrimEnd('.')).Append(". ");
        if (Year is { } year)
        {
            text.Append(year);
            if (Volume.Length > 0) text.Append(';').Append(Volume);
            if (Issue.Length > 0) text.Append('(').Append(Issue).Append(')');
            if (Pages.Length > 0) text.Append(':').Append(Pages);
            text.Append(". ");
        }
        if (Doi.Length > 0) text.Append("doi:").Append(Doi);
        return text.ToString().Trim();
    }

    /// <summary>"Last FM" from a surname and initials or given names.</summary>
    public static string Author(string surname, string initialsOrGiven)
    {
        var initials = initialsOrGiven.Contains(' ') || initialsOrGiven.Any(char.IsLower)
            ? string.Concat(initialsOrGiven.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(n => char.ToUpperInvariant(n[0])))
            : initialsOrGiven.Replace(".", "", StringComparison.Ordinal);
        return $"{surname} {initials}".Trim();
    }
}
