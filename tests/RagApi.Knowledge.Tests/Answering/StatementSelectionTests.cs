using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class StatementSelectionTests
{
    [Fact]
    public void A_sentence_adding_only_framing_words_to_what_was_said_is_left_out()
    {
        var ranked = new[]
        {
            Candidates.Sentence("The most frequent neuromuscular complication in cancer is axonal polyneuropathy.", "a", vector: [1, 0]),
            Candidates.Sentence("Neuromuscular complications are common in people with cancer.", "b", vector: [0, 1]),
        };

        var groups = StatementSelection.Select(ranked, TextAnalyzer.Terms("What is the etiology of muscle weakness in cancer?"), _ => true, new AnswerOptions());

        Assert.Single(groups);
    }
}
