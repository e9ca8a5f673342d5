using System.Text;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Answering.Composing;

public sealed record GeneratedDraft(DraftAnswer Draft, VerificationReport Report, bool ModelFoundNoEvidence);

/// <summary>
/// Asks the chat model to answer from the numbered passages only, then verifies every citation before anything
/// leaves the server.
/// </summary>
public sealed class GeneratedComposer(ChatModel model, GenerationPrompts prompts, CitationVerifier verifier, IKnowledgeStore store)
{
    public string GeneratorName => model.GeneratorName;

    public async Task<GeneratedDraft> ComposeAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        var prompt = prompts.Answer.Render(new Dictionary<string, string>
        {
            ["passages"] = NumberedPassages(passages),
            ["question"] = question,
        });
        var reply = ModelReplyParser.Parse(await model.CompleteAsync(prompt, cancellationToken));
        var sentenceVectors = await store.GetSentenceVectorsAsync(passages.Select(p => p.Chunk.ChunkId).ToList(), cancellationToken);
        var (statements, report) = await verifier.VerifyAsync(reply.Statements, passages, sentenceVectors, cancellationToken);
        return new GeneratedDraft(new DraftAnswer(statements, reply.FollowUpQuestions), report, reply.InsufficientEvidence);
    }

    public static string NumberedPassages(IReadOnlyList<RetrievedPassage> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var chunk = passages[i].Chunk;
            var d = chunk.Document;
            text.Append('[').Append(i + 1).Append("] ").Append(d.Kind.ToName()).Append(" | ")
                .Append(d.Source).Append(d.Year is { } year ? $", {year}" : "").Append(" | ").Append(chunk.SectionPath).Append('\n')
                .Append(chunk.Text).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }
}
