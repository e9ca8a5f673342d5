using RagApi.Eval.Fitting;
using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Eval.Tests.Fitting;

public sealed class AnswerabilityLabelsTests
{
    private static LabelledQuestion Question(string source, string id, bool answerable, string evidence = "d1") =>
        new(source, id, $"question {id}", [], answerable, (_, _) => false, document => document == evidence);

    private static MeasuredQuestion Measured(LabelledQuestion question) => new(question, [], 0.5, 0.5, QuestionShape.Of(question.Question));

    [Fact]
    public void A_question_whose_evidence_the_store_lacks_is_unanswerable_from_it()
    {
        var labelled = LabelledQuestions.AnswerableFrom([Question("scifact", "1", true, evidence: "d9")], ["d1", "d2"]);

        Assert.False(Assert.Single(labelled).Answerable);
    }

    [Fact]
    public void A_question_whose_evidence_the_store_holds_stays_answerable()
    {
        var labelled = LabelledQuestions.AnswerableFrom([Question("scifact", "1", true, evidence: "d2")], ["d1", "d2"]);

        Assert.True(Assert.Single(labelled).Answerable);
    }

    [Fact]
    public void Each_data_set_weighs_the_same_within_a_class_however_many_questions_it_brings()
    {
        MeasuredQuestion[] train =
        [
            .. Enumerable.Range(0, 9).Select(i => Measured(Question("scifact", $"s{i}", false))),
            Measured(Question("seeds", "out-1", false)),
            Measured(Question("seeds", "in-1", true)),
            Measured(Question("pubmedqa", "p1", true)),
        ];

        var examples = SelectionFitter.AnswerabilityExamples(train, _ => [0.0]);

        var weightBySourceAndClass = train.Zip(examples).GroupBy(p => (p.First.Question.Source, p.Second.Positive))
            .ToDictionary(g => g.Key, g => Math.Round(g.Sum(p => p.Second.Weight), 9));
        Assert.Equal([0.5, 0.5, 0.5, 0.5], weightBySourceAndClass.Values);
    }
}
