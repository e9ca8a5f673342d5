using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;

namespace RagApi.Testing;

/// <summary>
/// OpenAI's embeddings endpoint below the real SDK: an HTTP handler that validates each request as the API reference
/// documents ("Create embeddings": input a string or an array of at most 2048 non-empty strings, each at most 8192
/// tokens, at most 300,000 tokens summed over the request; <c>dimensions</c> only for text-embedding-3 and later) and
/// answers with the documented error body, <c>{"error":{"message","type":"invalid_request_error","param","code"}}</c>,
/// status 400. Vectors are deterministic per text and per requested size; every request is recorded. With an
/// <see cref="Outage"/> set, every request fails as that outage documents (<see cref="EmbeddingOutage"/>).
/// </summary>
internal sealed class FakeOpenAIEmbeddings : HttpMessageHandler
{
    public const int MaxInputs = 2048;
    public const int MaxTokensPerInput = 8192;
    public const int MaxTokensPerRequest = 300_000;
    private static readonly Tokenizer Cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base");
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _requests = [];

    public IReadOnlyList<JsonObject> Requests
    {
        get { lock (_lock) return _requests.ToList(); }
    }

    /// <summary>The size a model returns when no dimensions are asked for.</summary>
    public static int NativeDimensions(string model) => model switch
    {
        "text-embedding-3-large" => 3072,
        _ => 1536,
    };

    /// <summary>The vector the server returns for this text at this size, before the client normalises it.</summary>
    public static float[] VectorOf(string text, int dimensions)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Enumerable.Range(0, dimensions).Select(i => (seed[i % seed.Length] - 127.5f) * (1 + i % 7)).ToArray();
    }

    /// <summary>How every request fails from now on; null answers normally.</summary>
    public EmbeddingOutage? Outage { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (_lock) _requests.Add(body);
        if (Outage is { } outage) return await EmbeddingOutageResponses.RespondAsync(outage, request, cancellationToken);
        if (!request.RequestUri!.AbsolutePath.EndsWith("/embeddings", StringComparison.Ordinal))
            return Error(HttpStatusCode.NotFound, "Invalid URL", "invalid_request_error");

        var model = body["model"]?.GetValue<string>() ?? "";
        var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        if (inputs.Count > MaxInputs)
            return Error(HttpStatusCode.BadRequest, $"'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", param: "input");
        if (inputs.Any(string.IsNullOrEmpty))
            return Error(HttpStatusCode.BadRequest, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", param: "input");
        var tokens = inputs.Select(i => Cl100k.CountTokens(i)).ToList();
        if (tokens.Max() > MaxTokensPerInput)
            return Error(HttpStatusCode.BadRequest, $"This model's maximum context length is {MaxTokensPerInput} tokens, however you requested {tokens.Max()} tokens (...). Please reduce your prompt.");
        if (tokens.Sum() > MaxTokensPerRequest)
            return Error(HttpStatusCode.BadRequest, $"Requested {tokens.Sum()} tokens, max {MaxTokensPerRequest} tokens per request", param: "input", code: "max_tokens_per_request");

        var dimensions = NativeDimensions(model);
        if (body["dimensions"] is { } asked)
        {
            if (!model.StartsWith("text-embedding-3", StringComparison.Ordinal))
                return Error(HttpStatusCode.BadRequest, "This model does not support specifying dimensions.");
            dimensions = asked.GetValue<int>();
        }

        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = inputs.Select((text, index) => new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = index,
            ["embedding"] = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(VectorOf(text, dimensions).AsSpan()).ToArray())
                : new JsonArray(VectorOf(text, dimensions).Select(v => (JsonNode)v).ToArray()),
        }).ToArray<JsonNode>();
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(data),
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens.Sum(), ["total_tokens"] = tokens.Sum() },
        };
        return Json(HttpStatusCode.OK, response.ToJsonString());
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string message, string type = "invalid_request_error", string? param = null, string? code = null) =>
        Json(status, JsonSerializer.Serialize(new { error = new { message, type, param, code } }));

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
