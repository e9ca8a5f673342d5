using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Suites;

/// <summary>One line of a suite file: a question (with its conversation so far) and what a good answer cites.</summary>
public sealed record SuiteCase(
    string Id,
    string Question,
    IReadOnlyList<ConversationTurn> History,
    IReadOnlyList<string> ExpectedSourceIds,
    IReadOnlyList<string> ExpectedPhrases,
    bool ShouldRefuse,
    string Location)
{
    /// <summary>The suite file the case came from (its location without the line).</summary>
    public string Suite => Path.GetFileNameWithoutExtension(Location[..(Location.LastIndexOf(':') is var colon and > 0 ? colon : Location.Length)]);
}
