using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class SelectionFeaturesTests
{
    [Fact]
    public void An_abbreviation_a_passage_defines_names_its_long_form()
    {
        var abbreviations = Abbreviations.Find(["Lambert-Eaton myasthenic syndrome (LEMS) is an autoimmune disorder."]);

        Assert.Equal(["lem", "lambert", "eaton", "myasthenic", "syndrome"], abbreviations.Expand(TextAnalyzer.Terms("LEMS")));
    }

    [Fact]
    public void Brackets_whose_capitals_do_not_start_the_words_before_them_define_nothing()
    {
        var abbreviations = Abbreviations.Find(["Patients were followed in the registry (EMA) for five years."]);

        Assert.Equal(["ema"], abbreviations.Expand(TextAnalyzer.Terms("EMA")));
    }

    [Theory]
    [InlineData("treated", "treatment", true)]
    [InlineData("diagnose", "diagnosis", true)]
    [InlineData("antibody", "autoantibody", true)]
    [InlineData("prevalence", "prevention", false)]
    [InlineData("test", "testosterone", false)]
    public void Aspect_words_match_on_their_stem(string question, string sentence, bool match) =>
        Assert.Equal(match, SentenceBm25.SameStem(question, sentence));

    [Fact]
    public void The_aspect_words_of_a_question_are_what_it_asks_about_its_subject() =>
        Assert.Equal(["antibody", "cause"], QuestionShape.Of("What antibodies cause Lambert-Eaton myasthenic syndrome?").AspectTerms);

    [Fact]
    public void A_sentence_naming_the_aspect_outscores_one_that_only_names_the_shared_subject()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            TextAnalyzer.Terms("LEMS is an autoimmune disorder of the neuromuscular junction."),
            TextAnalyzer.Terms("LEMS is caused by antibodies against calcium channels."),
            TextAnalyzer.Terms("LEMS presents with proximal weakness."),
        ];

        var scores = SentenceBm25.Score(["antibody", "cause", "lem"], sentences, SentenceBm25.SameStem);

        Assert.Equal(1, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void A_sentence_naming_more_cues_of_the_asked_aspect_speaks_to_it_more_strongly()
    {
        var mechanism = QuestionAspects.AskedIn("What causes Lambert-Eaton myasthenic syndrome?");

        Assert.True(QuestionAspects.Strength(mechanism, "The weakness is attributed to pathogenic autoantibodies against calcium channels.")
            > QuestionAspects.Strength(mechanism, "LEMS is an autoimmune disorder."));
    }
}
