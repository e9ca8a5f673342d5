using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using OpenAI;
using OpenAI.Embeddings;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// Embeddings from Azure OpenAI or an OpenAI-compatible server. The model id names provider and model, so a
/// store built with it refuses any other. Tokens are counted with MiniLM's word pieces, which only sizes chunks;
/// requests are cut by cl100k_base tokens within <see cref="EmbeddingRequestLimits"/>.
/// Every request asks for <see cref="Dimensions"/> (<c>dimensions</c>, which text-embedding-3 models honour); a
/// model that refuses the parameter (OpenAI: 400 "This model does not support specifying dimensions."; vLLM: 400
/// "... does not support matryoshka representation ...") is asked again without it, and never again with it.
/// A failed call (transport, HTTP status after the pipeline's retries, timeout, open circuit) leaves as an
/// <see cref="EmbeddingEndpointException"/> naming <paramref name="endpoint"/>, so hosts map it like any knowledge failure.
/// </summary>
public sealed class RemoteEmbedder(EmbeddingClient client, string modelId, int dimensions, EmbeddingRequestLimits? limits = null, string endpoint = "(remote)") : ITextEmbedder
{
    private readonly WordPieceTokenCounter _tokens = new();
    private readonly EmbeddingBatches _batches = new(limits ?? EmbeddingRequestLimits.OpenAI);
    private volatile bool _sendDimensions = true;

    public string ModelId { get; } = modelId;

    public int Dimensions { get; } = dimensions;

    public int CountTokens(string text) => _tokens.CountTokens(text);

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var (start, count) in _batches.Plan(texts, ModelId))
        {
            var result = await RequestAsync(texts.Skip(start).Take(count).ToList(), cancellationToken);
            foreach (var embedding in result.OrderBy(e => e.Index))
            {
                var vector = embedding.ToFloats().ToArray();
                if (vector.Length != Dimensions)
                    throw new InvalidOperationException($"The embedding model '{ModelId}' returned {vector.Length} dimensions; Embeddings:Dimensions says {Dimensions}.");
                vectors.Add(Normalize(vector));
            }
        }
        return vectors.ToArray();
    }

    private async Task<OpenAIEmbeddingCollection> RequestAsync(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await RequestOnceAsync(batch, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && EmbeddingEndpointException.IsEndpointFailure(e))
        {
            throw EmbeddingEndpointException.From(e, endpoint, ModelId);
        }
    }

    private async Task<OpenAIEmbeddingCollection> RequestOnceAsync(IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        if (_sendDimensions)
        {
            try
            {
                return (await client.GenerateEmbeddingsAsync(batch, new EmbeddingGenerationOptions { Dimensions = Dimensions }, cancellationToken)).Value;
            }
            catch (ClientResultException e) when (e.Status == 400 && RefusesDimensions(e))
            {
                _sendDimensions = false;
            }
        }
        return (await client.GenerateEmbeddingsAsync(batch, new EmbeddingGenerationOptions(), cancellationToken)).Value;
    }

    private static bool RefusesDimensions(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content.ToString() ?? e.Message;
        return body.Contains("dimensions", StringComparison.OrdinalIgnoreCase) || body.Contains("matryoshka", StringComparison.OrdinalIgnoreCase);
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<float>(vector, vector));
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <param name="entraCredential">Signs in with Microsoft Entra ID when AzureOpenAI:ApiKey is empty (many tenants disable key auth).</param>
    public static RemoteEmbedder Create(EmbeddingOptions embeddings, AzureOpenAIOptions azure, OpenAIOptions openAI, HttpClient http,
        Func<TokenCredential>? entraCredential = null)
    {
        var transport = new HttpClientPipelineTransport(http);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        if (embeddings.Provider == EmbeddingProvider.AzureOpenAI)
        {
            var clientOptions = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries };
            var client = ChatModel.UsesEntraId(azure)
                ? new AzureOpenAIClient(new Uri(azure.Endpoint!),
                    (entraCredential ?? throw new InvalidOperationException("AzureOpenAI:ApiKey is empty and no Entra ID credential was given."))(), clientOptions)
                : new AzureOpenAIClient(new Uri(azure.Endpoint!), new ApiKeyCredential(azure.ApiKey!), clientOptions);
            return new RemoteEmbedder(client.GetEmbeddingClient(azure.EmbeddingDeployment!), $"azure-openai:{azure.EmbeddingDeployment}", embeddings.Dimensions,
                endpoint: Named(azure.Endpoint!));
        }
        var openAIClient = new OpenAIClient(new ApiKeyCredential(openAI.ApiKey ?? "unused"),
            new OpenAIClientOptions { Endpoint = new Uri(openAI.Endpoint!), Transport = transport, RetryPolicy = noRetries });
        return new RemoteEmbedder(openAIClient.GetEmbeddingClient(openAI.EmbeddingModel!), $"openai:{openAI.EmbeddingModel}", embeddings.Dimensions,
            endpoint: Named(openAI.Endpoint!));
    }

    /// <summary>Scheme, host and port: never user information or a query string, where a key could sit.</summary>
    private static string Named(string endpoint)
    {
        var uri = new Uri(endpoint);
        return $"{uri.Scheme}://{uri.Authority}";
    }
}
