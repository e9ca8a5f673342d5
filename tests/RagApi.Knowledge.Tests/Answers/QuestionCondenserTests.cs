using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Tests.Answers;

public sealed class QuestionCondenserTests
{
    /// <summary>A conversation of one question and its reply.</summary>
    private static ConversationTurn[] Exchange(string question, string reply) =>
        [new(ConversationTurn.User, question), new(ConversationTurn.Assistant, reply)];

    private static readonly ConversationTurn[] LemsConversation =
        Exchange("What antibodies cause Lambert-Eaton myasthenic syndrome?", "Antibodies against P/Q-type voltage-gated calcium channels [1].");

    [Fact]
    public void Condense_FollowUpWithAPronoun_NamesTheConversationsTopic()
    {
        var standalone = QuestionCondenser.Condense("And how is it treated?", LemsConversation);

        Assert.Equal("How is Lambert-Eaton myasthenic syndrome treated?", standalone);
    }

    [Theory]
    [InlineData("What is the symptomatic drug for LEMS?", "LEMS")]
    [InlineData("What did the 2016 consensus say about thymectomy?", "2016 consensus in thymectomy")]
    [InlineData("For how long should patients with LEMS be screened for small-cell lung cancer?", "LEMS in small-cell lung cancer")]
    [InlineData("Which antibody marks the paraneoplastic form of stiff-person syndrome?", "paraneoplastic form of stiff-person syndrome")]
    public void TopicOf_LeavesOutWhatOnlyFramesTheQuestion(string question, string topic) =>
        Assert.Equal(topic, QuestionCondenser.TopicOf(question));

    [Fact]
    public void Condense_FollowUpWithAPossessive_NamesTheTopicAsOwner()
    {
        var standalone = QuestionCondenser.Condense("What is its prognosis?", LemsConversation);

        Assert.Equal("What is Lambert-Eaton myasthenic syndrome's prognosis?", standalone);
    }

    [Fact]
    public void Condense_FollowUpNamingNoTopic_AddsTheTopic()
    {
        var standalone = QuestionCondenser.Condense("What about first-line treatment?", LemsConversation);

        Assert.Equal("What about first-line treatment in Lambert-Eaton myasthenic syndrome?", standalone);
    }

    [Fact]
    public void Condense_FollowUpNamingTheDiseaseOnlyByItsKind_AddsTheTopic()
    {
        var conversation = Exchange("Which tumour is found with anti-Hu antibodies?", "Mostly small-cell lung cancer.");

        var standalone = QuestionCondenser.Condense("Does the neurological syndrome usually come first?", conversation);

        Assert.EndsWith("in tumour in anti-Hu?", standalone);
    }

    [Fact]
    public void Condense_FollowUpAboutADetailOfTheConversation_AddsTheTopic()
    {
        var conversation = Exchange("How is Guillain-Barré syndrome treated?", "With intravenous immunoglobulin or plasma exchange.");

        var standalone = QuestionCondenser.Condense("What is the dose of the immunoglobulin?", conversation);

        Assert.Equal("What is the dose of the immunoglobulin in Guillain-Barré syndrome?", standalone);
    }

    [Fact]
    public void Condense_FollowUpAfterAQuestionAboutTwoThings_NamesBoth()
    {
        var conversation = Exchange("Which cancer is associated with LEMS?", "Small-cell lung cancer, in about half of the patients.");

        var standalone = QuestionCondenser.Condense("How should we screen for it?", conversation);

        Assert.Equal("How should we screen for cancer in LEMS?", standalone);
    }

    [Theory]
    [InlineData("What is the DELTA-P score in LEMS?", "What does a high score mean?", "What does a high DELTA-P score mean in LEMS?")]
    [InlineData("What is the DELTA-P score?", "And what does a score of 0 or 1 mean?", "What does a DELTA-P score of 0 or 1 mean?")]
    public void Condense_FollowUpNamingTheTopicsNounAlone_GivesItTheTopicsModifiers(string question, string followUp, string standalone) =>
        Assert.Equal(standalone, QuestionCondenser.Condense(followUp, Exchange(question, "A six-item clinical score that predicts small-cell lung cancer.")));

    [Fact]
    public void Condense_FollowUpAfterATriggerQuestion_LeavesTheAspectOutOfTheTopic() =>
        Assert.Equal("What is the prognosis in Guillain-Barré syndrome?",
            QuestionCondenser.Condense("And what is the prognosis?", Exchange("What triggers Guillain-Barré syndrome?", "Mostly an infection.")));

    [Fact]
    public void Condense_KeepsTheCommasOfAChemicalName() =>
        Assert.Contains("3,4-diaminopyridine",
            QuestionCondenser.Condense("Did it cause side effects?", Exchange("Is 3,4-diaminopyridine effective in LEMS?", "Yes.")), StringComparison.Ordinal);

    [Fact]
    public void Condense_AfterAQuestionForAKindOfThing_NamesTheThingTheReplyNamed() =>
        Assert.StartsWith("Which tumour does amphiphysin",
            QuestionCondenser.Condense("Which tumour does it point to?", Exchange("Which antibody marks the paraneoplastic form of stiff-person syndrome?", "Antibodies against amphiphysin.")),
            StringComparison.Ordinal);

    [Fact]
    public void Condense_AfterAQuestionForADrug_AsksAboutTheDrugTheReplyNamed() =>
        Assert.Contains("3,4-diaminopyridine",
            QuestionCondenser.Condense("What dose was used in the placebo-controlled trial?", Exchange("What is the symptomatic drug for LEMS?", "3,4-diaminopyridine, also called amifampridine.")),
            StringComparison.Ordinal);

    [Fact]
    public void Condense_AReplyThatIsAWholeAnswer_NamesNoThing() =>
        Assert.DoesNotContain("3,4-diaminopyridine",
            QuestionCondenser.Condense("What dose was used in the placebo-controlled trial?", Exchange("What is the symptomatic drug for LEMS?",
                "3,4-diaminopyridine improves muscle strength in LEMS and is the recommended symptomatic treatment, with support from randomised trials [1].")),
            StringComparison.Ordinal);

    [Fact]
    public void Condense_FollowUpNamingAnotherSyndrome_IsLeftAsIs()
    {
        var standalone = QuestionCondenser.Condense("Is stiff-person syndrome paraneoplastic too?", LemsConversation);

        Assert.Equal("Is stiff-person syndrome paraneoplastic too?", standalone);
    }

    [Fact]
    public void Condense_FollowUpWithItsOwnTopic_IsLeftAsIs()
    {
        var standalone = QuestionCondenser.Condense("What is dermatomyositis?", LemsConversation);

        Assert.Equal("What is dermatomyositis?", standalone);
    }

    [Fact]
    public void Condense_FollowUpThatAlreadyNamesTheTopic_IsLeftAsIs()
    {
        var standalone = QuestionCondenser.Condense("How is Lambert-Eaton myasthenic syndrome treated?", LemsConversation);

        Assert.Equal("How is Lambert-Eaton myasthenic syndrome treated?", standalone);
    }

    [Fact]
    public void Condense_ThisCondition_IsReplacedAsAWhole()
    {
        var standalone = QuestionCondenser.Condense("Is this condition hereditary?", LemsConversation);

        Assert.Equal("Is Lambert-Eaton myasthenic syndrome hereditary?", standalone);
    }

    [Fact]
    public void Condense_NoHistory_ReturnsTheQuestionUnchanged()
    {
        Assert.Equal("And how is it treated?", QuestionCondenser.Condense("  And how is it treated?  ", []));
    }

    [Fact]
    public void Condense_TopicComesFromTheLatestUserTurnThatHasOne()
    {
        ConversationTurn[] history =
        [
            new(ConversationTurn.User, "What is myasthenia gravis?"),
            new(ConversationTurn.User, "What antibodies cause Lambert-Eaton myasthenic syndrome?"),
            new(ConversationTurn.User, "And how is it diagnosed?"),
        ];

        var standalone = QuestionCondenser.Condense("What is its prognosis?", history);

        Assert.Equal("What is Lambert-Eaton myasthenic syndrome's prognosis?", standalone);
    }

    [Fact]
    public void Condense_IgnoresAssistantTurnsWhenLookingForTheTopic()
    {
        ConversationTurn[] history =
        [
            new(ConversationTurn.User, "What is dermatomyositis?"),
            new(ConversationTurn.Assistant, "Lambert-Eaton myasthenic syndrome is something else entirely."),
        ];

        var standalone = QuestionCondenser.Condense("How is it treated?", history);

        Assert.Equal("How is dermatomyositis treated?", standalone);
    }

    [Theory]
    [InlineData("What antibodies cause Lambert-Eaton myasthenic syndrome?", "Lambert-Eaton myasthenic syndrome")]
    [InlineData("How is myasthenia gravis treated in pregnancy?", "myasthenia gravis")]
    [InlineData("And how is it treated?", "")]
    [InlineData("What is the etiology of paraneoplastic (related to cancer) muscle weakness?", "paraneoplastic muscle weakness")]
    public void TopicOf_IsTheLongestRunOfContentWords(string question, string topic)
    {
        Assert.Equal(topic, QuestionCondenser.TopicOf(question));
    }
}
