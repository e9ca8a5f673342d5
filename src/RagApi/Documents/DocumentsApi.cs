using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Documents;

public sealed record DocumentResponse(
    string Id, string Title, string Kind, string Source, int? Year, string Url, string Citation, IReadOnlyList<ChunkResponse> Chunks);

public sealed record ChunkResponse(string ChunkId, int Ordinal, string SectionPath, string Text, IReadOnlyList<SentenceSpan> Sentences);

public sealed record SentenceSpan(int Start, int Length);

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder v1)
    {
        v1.MapGet("/documents/{id}", GetAsync)
            .WithTags("Documents")
            .WithName("GetDocument")
            .WithSummary("A document's metadata and its chunks, with each chunk's sentence offsets.");
        return v1;
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(string id, IKnowledgeStore store, CancellationToken cancellationToken)
    {
        if (await store.GetDocumentAsync(id, cancellationToken) is not { } document)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document.", detail: $"No indexed document has the id '{id}'.");
        var m = document.Metadata;
        return TypedResults.Ok(new DocumentResponse(m.Id, m.Title, m.Kind.ToName(), m.Source, m.Year, m.Url, m.Citation,
            document.Chunks.Select(c => new ChunkResponse(c.ChunkId, c.Ordinal, c.SectionPath, c.Text,
                c.Sentences.Select(s => new SentenceSpan(s.Start, s.Length)).ToList())).ToList()));
    }
}
