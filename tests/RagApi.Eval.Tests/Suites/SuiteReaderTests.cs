using RagApi.Eval.Suites;
using RagApi.Eval.Tests.Support;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Suites;

public sealed class SuiteReaderTests
{
    [Fact]
    public void A_case_with_history_sources_and_phrases_is_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("s.jsonl", """
            {"id": "fu", "question": "And how is it treated?", "history": [{"role": "user", "content": "What is LEMS?"}], "expectedSourceIds": ["d1"], "expectedPhrases": ["DAP"]}

            """);

        var read = Assert.Single(SuiteReader.Read(path));

        Assert.Equal(("fu", "What is LEMS?", "d1", "DAP", false), (read.Id, read.History[0].Content, read.ExpectedSourceIds[0], read.ExpectedPhrases[0], read.ShouldRefuse));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.jsonl", """
            {"question": "fine", "expectedSourceIds": ["d1"]}
            {"question": ""}
            {"question": "x", "shouldRefuse": true, "expectedSourceIds": ["d1"]}
            not json
            {"question": "x", "history": [{"role": "system", "content": "y"}]}
            {"question": "x", "expectedSources": ["typo"]}
            """);

        var problems = Assert.Throws<SuiteFormatException>(() => SuiteReader.Read(path)).Problems;

        Assert.Equal([$"{path}:2", $"{path}:3", $"{path}:4", $"{path}:5", $"{path}:6"], problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void The_shipped_suites_hold_sixty_cases_ten_follow_ups_and_ten_unanswerable_questions_on_known_documents()
    {
        var eval = Path.Combine(RagApi.Testing.RepositoryPaths.Root, "seeds", "eval");
        var cases = new[] { "clinical-questions.jsonl", "follow-ups.jsonl", "unanswerable.jsonl" }.SelectMany(f => SuiteReader.Read(Path.Combine(eval, f))).ToList();
        var known = Repository.SeedDocumentIds();

        Assert.True(cases.Count >= 60 && cases.Count(c => c.History.Count > 0) >= 10 && cases.Count(c => c.ShouldRefuse) >= 10,
            $"{cases.Count} cases, {cases.Count(c => c.History.Count > 0)} follow-ups, {cases.Count(c => c.ShouldRefuse)} unanswerable");
        var unknown = cases.SelectMany(c => c.ExpectedSourceIds).Where(id => !known.Contains(id)).ToList();
        Assert.True(unknown.Count == 0, $"Unknown document ids: {string.Join(", ", unknown)}");
    }
}
