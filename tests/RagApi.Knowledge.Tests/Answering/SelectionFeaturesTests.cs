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

    [Fact]
    public void An_abbreviation_whose_words_are_hyphenated_or_follow_a_number_still_names_its_long_form()
    {
        var abbreviations = Abbreviations.Find(["Antibodies against 2 voltage-gated calcium channels (VGCC) were found."]);

        Assert.Equal(["vgcc", "voltage", "gated", "calcium", "channel"], abbreviations.Expand(TextAnalyzer.Terms("VGCC")));
    }

    [Fact]
    public void An_abbreviation_whose_letters_sit_inside_one_word_names_that_word()
    {
        var abbreviations = Abbreviations.Find(["Patients received 3,4-diaminopyridine (DAP) or placebo."]);

        Assert.Equal(["dap", "diaminopyridine"], abbreviations.Expand(TextAnalyzer.Terms("DAP")));
    }

    [Fact]
    public void An_abbreviation_with_letters_inside_its_words_names_the_fewest_words_that_hold_them()
    {
        var abbreviations = Abbreviations.Find(["Weakness improved after treatment with intravenous immunoglobulin (IVIg)."]);

        Assert.Equal(["ivig", "intravenous", "immunoglobulin"], abbreviations.Expand(TextAnalyzer.Terms("IVIg")));
    }

    [Fact]
    public void A_bracket_right_after_a_word_defines_nothing()
    {
        var abbreviations = Abbreviations.Find(["Lambert-Eaton myasthenic syndrome(LEMS) is rare."]);

        Assert.Equal(["lem"], abbreviations.Expand(TextAnalyzer.Terms("LEMS")));
    }

    [Theory]
    [InlineData("First-line treatment is pyridostigmine.", true)]
    [InlineData("(Treatment) was started early.", true)]
    [InlineData("The patient retreated from the study.", false)]
    [InlineData("Pre-treatment values were recorded.", false)]
    public void A_one_word_cue_matches_only_at_the_start_of_a_word(string sentence, bool treats) =>
        Assert.Equal(treats, QuestionAspects.Strength(QuestionAspects.AskedIn("How is it treated?"), sentence) > 0);
}
