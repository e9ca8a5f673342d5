using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>A sentence of a passage that supports a statement; becomes a numbered citation with a verbatim quote.</summary>
public sealed record Evidence(RetrievedPassage Passage, TextSpan Quote, float Score)
{
    public string QuoteText => Quote.Of(Passage.Chunk.Text);
}

/// <summary>A statement and its evidence; <paramref name="Heading"/> names the aspect it answers when the answer groups them.</summary>
public sealed record DraftStatement(string Text, IReadOnlyList<Evidence> Evidence, string? Heading = null);

/// <summary>What a composer produces before citations are numbered and the disclaimer appended.</summary>
public sealed record DraftAnswer(IReadOnlyList<DraftStatement> Statements, IReadOnlyList<string> FollowUpQuestions)
{
    /// <summary>The statement that answers the question directly, shown first; not repeated among <see cref="Statements"/>.</summary>
    public DraftStatement? Lead { get; init; }

    public static readonly DraftAnswer Empty = new([], []);
}
