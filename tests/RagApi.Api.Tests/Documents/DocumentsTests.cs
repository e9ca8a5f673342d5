using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Documents;

public sealed class DocumentsTests(SeedIndex index) : IAsyncDisposable
{
    private const string DocumentId = "lems-review-titulaer-2011";

    private readonly RagApiApplication _app = new(index);

    private async Task<ApiDocument> GetDocumentAsync(string id)
    {
        using var response = await _app.GetAsync($"/v1/documents/{id}");
        return await ApiJson.ReadOkAsync<ApiDocument>(response);
    }

    [Fact]
    public async Task A_document_is_returned_with_the_metadata_of_its_front_matter()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.Equal(
            (DocumentId, "Lambert-Eaton myasthenic syndrome: from clinical characteristics to therapeutic strategies", "research",
                "The Lancet Neurology", (int?)2011, "https://doi.org/10.1016/S1474-4422(11)70245-9"),
            (document.Id, document.Title, document.Kind, document.Source, document.Year, document.Url));
    }

    [Fact]
    public async Task A_document_carries_the_reference_as_a_reader_would_cite_it()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.StartsWith("Titulaer MJ, Lang B, Verschuuren JJ.", document.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_documents_chunks_are_in_order_with_ids_made_from_the_document_and_ordinal()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.Equal(
            Enumerable.Range(0, document.Chunks.Count).Select(i => $"{DocumentId}#{i:D3}"),
            document.Chunks.Select(c => $"{DocumentId}#{c.Ordinal:D3}"));
        Assert.Equal(document.Chunks.Select(c => $"{DocumentId}#{c.Ordinal:D3}"), document.Chunks.Select(c => c.ChunkId));
    }

    [Fact]
    public async Task Every_sentence_offset_cuts_a_verbatim_non_empty_sentence_out_of_its_chunk()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.All(document.Chunks.SelectMany(c => c.Sentences.Select(s => (c.Text, s))), pair =>
        {
            var (text, s) = pair;
            Assert.True(s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= text.Length, $"Span {s} is outside a chunk of {text.Length} characters.");
            Assert.Equal(text.Substring(s.Start, s.Length), text.Substring(s.Start, s.Length).Trim());
        });
    }

    [Fact]
    public async Task Sentences_cover_their_chunk_in_order_without_overlapping()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.All(document.Chunks, chunk =>
        {
            Assert.NotEmpty(chunk.Sentences);
            var pieces = chunk.Sentences.Select(s => chunk.Text.Substring(s.Start, s.Length));
            Assert.Equal(Normalize(chunk.Text), Normalize(string.Join(' ', pieces)));
        });
    }

    [Fact]
    public async Task Every_chunk_lies_under_a_section_path_that_starts_with_the_document_title()
    {
        var document = await GetDocumentAsync(DocumentId);

        Assert.All(document.Chunks, c => Assert.StartsWith("Lambert-Eaton myasthenic syndrome", c.SectionPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cited_chunk_is_the_same_text_the_document_endpoint_returns()
    {
        var answer = await _app.AnswerAsync(new { question = "What antibodies cause Lambert-Eaton myasthenic syndrome?" });
        var citation = answer.Citations[0];

        var document = await GetDocumentAsync(citation.DocumentId);

        Assert.Equal(citation.Passage, document.Chunks.Single(c => c.ChunkId == citation.ChunkId).Text);
    }

    [Fact]
    public async Task An_unknown_document_is_404_problem_json()
    {
        using var response = await _app.GetAsync("/v1/documents/no-such-document");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
