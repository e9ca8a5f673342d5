using RagApi.Eval.Fitting;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Fitting;

public sealed class LabelledQuestionsTests
{
    [Fact]
    public void The_held_out_split_is_stable_and_holds_about_a_quarter()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"case-{i}").ToList();

        var share = ids.Count(id => HeldOut.Contains(id)) / (double)ids.Count;

        Assert.InRange(share, 0.22, 0.28);
    }

    [Fact]
    public void A_pubmedqa_conclusion_sentence_is_an_answer_even_with_its_section_label()
    {
        using var folder = new TempFolder();
        var queries = folder.Write("queries.jsonl", """{"_id": "q1", "text": "Does X help?"}""" + "\n");
        var answers = folder.Write("long-answers.jsonl", """{"query-id": "q1", "corpus-id": "1", "long_answer": "X helped most after the first dose. It was safe."}""" + "\n");

        var question = Assert.Single(LabelledQuestions.PubMedQa(queries, answers));

        Assert.True(question.IsAnswer("1", "Conclusions: X helped most after the first dose."));
    }

    [Fact]
    public void A_sentence_of_another_abstract_is_not_the_pubmedqa_answer()
    {
        using var folder = new TempFolder();
        var queries = folder.Write("queries.jsonl", """{"_id": "q1", "text": "Does X help?"}""" + "\n");
        var answers = folder.Write("long-answers.jsonl", """{"query-id": "q1", "corpus-id": "1", "long_answer": "X helped most after the first dose."}""" + "\n");

        var question = Assert.Single(LabelledQuestions.PubMedQa(queries, answers));

        Assert.False(question.IsAnswer("2", "X helped most after the first dose."));
    }

    [Fact]
    public void A_scifact_rationale_sentence_is_an_answer_and_its_neighbour_is_not()
    {
        using var folder = new TempFolder();
        var queries = folder.Write("queries.jsonl", """{"_id": "7", "text": "Y lowers Z."}""" + "\n");
        var rationales = folder.Write("rationales.jsonl", """{"query-id": "7", "corpus-id": "9", "label": "SUPPORT", "sentences": [1]}""");
        var sentences = folder.Write("sentences.jsonl", """{"_id": "9", "sentences": ["We studied Y in forty adults.", "Y lowered Z by a third within a week."]}""");

        var question = Assert.Single(LabelledQuestions.SciFact(queries, rationales, sentences));

        Assert.Equal((true, false), (question.IsAnswer("9", "Y lowered Z by a third within a week."), question.IsAnswer("9", "We studied Y in forty adults.")));
    }
}
