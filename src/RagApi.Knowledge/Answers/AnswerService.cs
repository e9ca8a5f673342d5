using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Store;

namespace RagApi.Knowledge.Answers;

public sealed record AnswerQuery(string Question, IReadOnlyList<ConversationTurn> History, SearchFilters Filters, int? TopK);

/// <summary>standalone question -> retrieve -> compose -> number citations and append the disclaimer.</summary>
public sealed class AnswerService(Retriever retriever, ExtractiveComposer composer, AnswerAssembler assembler, AnswerOptions options)
{
    public async Task<ClinicalAnswer> AnswerAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        var standalone = QuestionCondenser.Condense(query.Question, query.History);
        var topK = query.TopK ?? options.DefaultTopK;
        var retrieval = await retriever.RetrieveAsync(standalone, query.Filters, topK * options.RetrievalDepthFactor, cancellationToken);
        retrieval = retrieval with { Passages = PassageDiversity.Limit(retrieval.Passages, options.MaxPassagesPerDocument, topK) };
        var draft = await composer.ComposeAsync(retrieval, cancellationToken);
        return assembler.Assemble(NewId(), query.Question, standalone, Generators.Extractive, draft);
    }

    private static string NewId() => $"ans_{Guid.NewGuid():N}";
}
