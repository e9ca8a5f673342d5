using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class SelectionVocabularyTests
{
    [Fact]
    public void A_treatment_question_asks_about_treatment() =>
        Assert.Contains(QuestionAspects.AskedIn("How is Lambert-Eaton myasthenic syndrome treated?"), a => a.Heading == "Treatment");

    [Fact]
    public void An_antibody_question_asks_about_the_mechanism() =>
        Assert.Contains(QuestionAspects.AskedIn("What antibodies cause Lambert-Eaton myasthenic syndrome?"), a => a.Heading == "Mechanism");

    [Fact]
    public void A_question_about_who_was_enrolled_asks_about_the_study_population() =>
        Assert.Contains(QuestionAspects.AskedIn("Which patients were enrolled in the DELTA-P validation cohort?"), a => a.Heading == "Study population");

    [Fact]
    public void The_subject_of_a_question_leaves_out_the_aspect_it_asks() =>
        Assert.Equal(["lambert", "eaton", "myasthenic", "syndrome"], QuestionShape.Of("What antibodies cause Lambert-Eaton myasthenic syndrome?").SubjectTerms);

    [Theory]
    [InlineData("Is thymectomy still necessary in nonthymomatous myasthenia gravis?", "necessary")]
    [InlineData("Are current guidelines for tumour screening in dermatomyositis sufficient?", "sufficient")]
    [InlineData("Is plasma exchange worthwhile in mild Guillain-Barré syndrome?", "worthwhile")]
    public void The_judgement_a_yes_no_question_asks_for_is_not_its_subject(string question, string judgement) =>
        Assert.DoesNotContain(judgement, QuestionShape.Of(question).SubjectTerms);

    [Fact]
    public void A_qualifier_of_the_population_stays_in_the_subject() =>
        Assert.Contains("still", QuestionShape.Of("What about patients who can still walk in Guillain-Barré syndrome?").SubjectTerms);

    [Theory]
    [InlineData("The difference between the groups was significant.")]
    [InlineData("Testicular volume was normal in both men.")]
    [InlineData("Vesicles cluster at the nerve terminal.")]
    public void A_word_that_only_starts_like_a_cue_names_no_aspect(string sentence) =>
        Assert.Null(QuestionAspects.Of(sentence, ""));

    [Fact]
    public void A_sentence_set_among_cancer_patients_is_headed_by_what_it_says_about_them() =>
        Assert.Equal("Prognosis", QuestionAspects.Of("Patients who had a synchronous cancer had a shorter median survival than patients without cancer.", "")?.Heading);

    [Fact]
    public void A_sentence_naming_two_aspects_equally_is_headed_by_the_one_asked() =>
        Assert.Equal("Mechanism", QuestionAspects.Of(
            "Axonal polyneuropathy in cancer patients usually has several causes at once, combining metabolic effects of the malignancy with toxic effects of cancer treatment.",
            "", QuestionAspects.AskedIn("What is the etiology of paraneoplastic (related to cancer) muscle weakness?"))?.Heading);

    [Fact]
    public void A_name_that_starts_like_a_short_cue_stays_in_the_subject() =>
        Assert.Contains("mgtx", QuestionShape.Of("Which patients were included in the MGTX thymectomy trial?").SubjectTerms);

    [Fact]
    public void The_shipped_selection_model_says_where_its_weights_came_from() =>
        Assert.StartsWith("ragapi-eval fit", SelectionModel.Default.Source, StringComparison.Ordinal);

    [Fact]
    public void A_model_with_the_wrong_number_of_weights_is_refused_at_load()
    {
        var json = SelectionModel.Default.ToJson().Replace("\"weights\": [", "\"weights\": [1, ", StringComparison.Ordinal);

        Assert.Throws<InvalidDataException>(() => SelectionModel.Parse(json));
    }
}
