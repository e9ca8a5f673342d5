using System.Text.RegularExpressions;

namespace RagApi.Testing;

/// <summary>The rules of DESIGN.md that hold for every answer, checked in one place.</summary>
internal static partial class AnswerContract
{
    public const string Guidelines = "From the Guidelines";
    public const string Research = "From the Research";

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    public static void AssertHolds(ApiAnswer answer)
    {
        Assert.Equal(SeedIndex.Disclaimer, answer.Disclaimer);
        Assert.EndsWith(SeedIndex.Disclaimer, answer.Answer.TrimEnd());
        if (answer.InsufficientEvidence) AssertNothingCited(answer);
        else AssertCitationsHold(answer);
    }

    private static void AssertNothingCited(ApiAnswer answer)
    {
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.Sections);
        Assert.Empty(Marker().Matches(answer.Answer));
    }

    /// <summary>A citation links to its document with at most one fragment: a PDF's page, else its section's anchor.</summary>
    private static void AssertLinkHolds(ApiCitation citation)
    {
        if (string.IsNullOrEmpty(citation.Url)) return;
        var fragments = citation.Url.Split('#');
        Assert.True(fragments.Length <= 2, $"Citation {citation.Number} has more than one fragment: {citation.Url}");
        if (citation.Page is { } page) Assert.EndsWith($"#page={page}", citation.Url, StringComparison.Ordinal);
        if (fragments.Length == 2 && fragments[1].StartsWith(":~:text=", StringComparison.Ordinal))
            Assert.DoesNotMatch(@"[\s,&-]", fragments[1][":~:text=".Length..]);
    }

    private static void AssertCitationsHold(ApiAnswer answer)
    {
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));

        var inAnswer = Marker().Matches(answer.Answer).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var inStatements = answer.Sections.SelectMany(s => s.Statements).Prepend(answer.Lead).OfType<ApiStatement>()
            .SelectMany(s => s.Citations.Concat(Marker().Matches(s.Text).Select(m => int.Parse(m.Groups[1].Value))))
            .ToList();
        Assert.All(inAnswer.Concat(inStatements), n => Assert.InRange(n, 1, answer.Citations.Count));
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), inAnswer.Distinct());
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), inStatements.Distinct());

        Assert.All(answer.Citations, c => Assert.Contains(c.Quote, c.Passage, StringComparison.Ordinal));
        Assert.All(answer.Citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Quote), $"Citation {c.Number} has an empty quote."));

        Assert.All(answer.Citations, AssertLinkHolds);

        var titles = answer.Sections.Select(s => s.Title).ToList();
        Assert.Subset(new HashSet<string> { Guidelines, Research }, titles.ToHashSet());
        Assert.Equal(titles.OrderBy(t => t == Guidelines ? 0 : 1), titles);
        foreach (var section in answer.Sections)
        {
            Assert.NotEmpty(section.Statements);
            Assert.All(section.Statements, s => Assert.NotEmpty(s.Citations));
            var kind = section.Title == Guidelines ? "guideline" : "research";
            Assert.All(section.Statements, s => Assert.Equal(kind, answer.Citations[s.Citations[0] - 1].Kind));
        }
        if (titles.Contains(Guidelines) && titles.Contains(Research))
            Assert.True(answer.Answer.IndexOf(Guidelines, StringComparison.Ordinal) < answer.Answer.IndexOf(Research, StringComparison.Ordinal),
                "The guideline section must come before the research section in the markdown.");
    }
}
