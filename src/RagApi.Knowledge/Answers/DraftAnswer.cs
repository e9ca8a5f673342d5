using RagApi.Knowledge.Store;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answers;

/// <summary>A sentence of a passage that supports a statement; becomes a numbered citation with a verbatim quote.</summary>
public sealed record Evidence(RetrievedPassage Passage, TextSpan Quote, float Score)
{
    public string QuoteText => Quote.Of(Passage.Chunk.Text);
}

public sealed record DraftStatement(string Text, IReadOnlyList<Evidence> Evidence);

/// <summary>What a composer produces before citations are numbered and the disclaimer appended.</summary>
public sealed record DraftAnswer(IReadOnlyList<DraftStatement> Statements, IReadOnlyList<string> FollowUpQuestions)
{
    public static readonly DraftAnswer Empty = new([], []);
}
