using System.Runtime.CompilerServices;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Answering.Composing;

public sealed record GeneratedDraft(DraftAnswer Draft, VerificationReport Report, bool ModelFoundNoEvidence);

/// <summary>A statement of a streamed answer, sent only once its citations are verified.</summary>
public sealed record VerifiedStatement(DraftStatement Statement);

/// <summary>
/// Asks the chat model to answer from the passages only, then verifies every citation (and every suggested
/// follow-up) before anything leaves the server, against the passages' sentence vectors the caller already read
/// (<see cref="ExtractiveComposer.ComposeReadingVectorsAsync"/>), so that one answer reads them once.
/// </summary>
public sealed class GeneratedComposer(ChatModel model, GenerationPrompts prompts, CitationVerifier verifier, GenerationOptions options)
{
    public string GeneratorName => model.GeneratorName;

    /// <param name="sentenceVectors">The stored sentence vectors of (at least) <paramref name="passages"/>, by chunk id.</param>
    public async Task<GeneratedDraft> ComposeAsync(string question, IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors, CancellationToken cancellationToken)
    {
        var prompt = Prompt(question, passages);
        var reply = await model.CompleteAsync(prompt.Chat, cancellationToken);
        var parsed = ModelReplyParser.Parse(reply.Content, reply.Finish);
        var (statements, report, followUps) = await verifier.VerifyReplyAsync(parsed.Statements, parsed.FollowUpQuestions, prompt.Passages, sentenceVectors, cancellationToken);
        return new GeneratedDraft(new DraftAnswer(statements, followUps), report, parsed.InsufficientEvidence);
    }

    /// <summary>
    /// Streams the reply, verifying each statement as soon as its line is complete and yielding it then; the last
    /// item is the whole draft. A line cut by the token limit is never verified nor yielded.
    /// </summary>
    public async IAsyncEnumerable<object> StreamAsync(string question, IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prompt = Prompt(question, passages);
        var lines = new ModelReplyParser.LineReader();
        var streamed = new StreamedText();
        var verified = new List<DraftStatement>();
        var report = new VerificationReport(0, 0, 0, 0, 0);
        await foreach (var delta in model.StreamAsync(prompt.Chat, cancellationToken))
        {
            var completeLines = delta.Finish is { } finish
                ? streamed.End(keepLastLine: finish != ModelFinish.Length)
                : streamed.Append(delta.Text);
            foreach (var line in completeLines)
            {
                var parsed = lines.Read(line);
                if (parsed.Count == 0) continue;
                var (statements, lineReport) = await verifier.VerifyAsync(parsed, prompt.Passages, sentenceVectors, cancellationToken);
                report = Add(report, lineReport);
                foreach (var statement in statements)
                {
                    verified.Add(statement);
                    yield return new VerifiedStatement(statement);
                }
            }
        }
        var reply = lines.Reply;
        var followUps = await verifier.SupportedFollowUpsAsync(reply.FollowUpQuestions, prompt.Passages, sentenceVectors, cancellationToken);
        yield return new GeneratedDraft(new DraftAnswer(verified, followUps), report, reply.InsufficientEvidence);
    }

    private AnswerPrompt Prompt(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        var prompt = AnswerPrompt.Build(prompts, question, passages, options.ContextTokens, options.MaxOutputTokens);
        // A model asked without passages could only answer from its own knowledge.
        if (prompt.Passages.Count == 0 && passages.Count > 0)
            throw new ModelCallException(ModelFailureReason.Refused, "Not even the best passage fits Generation:ContextTokens; raise it.");
        return prompt;
    }

    private static VerificationReport Add(VerificationReport a, VerificationReport b) => new(
        a.StatementsChecked + b.StatementsChecked, a.CitationsOutOfRange + b.CitationsOutOfRange, a.CitationsUnsupported + b.CitationsUnsupported,
        a.StatementsRecited + b.StatementsRecited, a.StatementsDropped + b.StatementsDropped);
}
