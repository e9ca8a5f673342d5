using RagApi.Eval.Tests.Support;
using RagApi.LoadTest;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Perf;

public sealed class QuestionSetsTests
{
    [Fact]
    public void Fresh_questions_interleave_pubmedqa_and_scifact_without_repeating_any()
    {
        using var folder = new TempFolder();
        folder.Write("pubmedqa/queries.jsonl", "{\"_id\":\"q1\",\"text\":\"A?\"}\n{\"_id\":\"q2\",\"text\":\"B?\"}\n{\"_id\":\"q3\",\"text\":\"A?\"}\n");
        folder.Write("scifact/queries.jsonl", "{\"_id\":\"0\",\"text\":\"Claim one.\"}\n");

        Assert.Equal("A? | Claim one. | B?", string.Join(" | ", QuestionSets.Fresh(folder.Root)));
    }

    [Fact]
    public void Seed_questions_are_the_suites_distinct_questions_without_follow_ups()
    {
        var questions = QuestionSets.Seed(Path.Combine(RagApi.Testing.RepositoryPaths.Root, "seeds"));

        Assert.Equal((questions.Count, false), (questions.Distinct().Count(), questions.Contains("And how is it treated?")));
    }
}
