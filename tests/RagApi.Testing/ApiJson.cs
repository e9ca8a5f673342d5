using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RagApi.Testing;

/// <summary>
/// The wire contract of DESIGN.md as the tests read it: exact camelCase names, every field required, so a
/// renamed or missing field fails instead of reading as a default.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static async Task<T> ReadOkAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidOperationException("The body was JSON null.");
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Options, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("The body was JSON null.");
}

internal sealed record ApiAnswer(
    string Id, string Question, string StandaloneQuestion, string Generator, bool InsufficientEvidence, string Answer,
    IReadOnlyList<ApiSection> Sections, IReadOnlyList<ApiCitation> Citations, string Disclaimer, IReadOnlyList<string> FollowUpQuestions,
    ApiVerification? Verification = null, ApiStatement? Lead = null);

internal sealed record ApiVerification(
    int StatementsChecked, int CitationsOutOfRange, int CitationsUnsupported, int StatementsRecited, int StatementsDropped);

internal sealed record ApiSection(string Title, IReadOnlyList<ApiStatement> Statements);

internal sealed record ApiStatement(string Text, IReadOnlyList<int> Citations, string? Heading = null);

internal sealed record ApiCitation(
    int Number, string DocumentId, string ChunkId, string Title, string Source, string Kind, int? Year, string Url,
    string Citation, string Passage, string Quote, float Score, string? Section = null, int? Page = null);

internal sealed record ApiSearch(string Query, IReadOnlyList<ApiPassage> Passages, bool Degraded = false, IReadOnlyList<ApiNotice>? Notices = null);

internal sealed record ApiNotice(string Code, string Message);

internal sealed record ApiPassage(
    string DocumentId, string ChunkId, string Title, string Kind, int? Year, string Source, string Text, ApiScores Scores);

internal sealed record ApiScores(float? Dense, float? Lexical, float Fused);

internal sealed record ApiDocument(
    string Id, string Title, string Kind, string Source, int? Year, string Url, string Citation, IReadOnlyList<ApiChunk> Chunks);

internal sealed record ApiChunk(string ChunkId, int Ordinal, string SectionPath, string Text, IReadOnlyList<ApiSentence> Sentences);

internal sealed record ApiSentence(int Start, int Length);
