using System.ComponentModel.DataAnnotations;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Models;

public enum GenerationProvider
{
    Extractive,
    AzureOpenAI,
    OpenAI,
}

public enum EmbeddingProvider
{
    Local,
    AzureOpenAI,
    OpenAI,
}

/// <summary>Azure OpenAI: the resource endpoint, a key and the deployment names.</summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    [Url(ErrorMessage = "AzureOpenAI:Endpoint must be the resource URL, e.g. https://my-resource.openai.azure.com/.")]
    public string? Endpoint { get; set; }

    /// <summary>Empty means Microsoft Entra ID (DefaultAzureCredential), for tenants that disable key auth.</summary>
    public string? ApiKey { get; set; }

    public string? ChatDeployment { get; set; }

    public string? EmbeddingDeployment { get; set; }
}

/// <summary>Any OpenAI-compatible server; the endpoint includes /v1.</summary>
public sealed class OpenAIOptions
{
    public const string Section = "OpenAI";

    [Url(ErrorMessage = "OpenAI:Endpoint must be a URL ending in /v1, e.g. http://localhost:8000/v1.")]
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? ChatModel { get; set; }

    public string? EmbeddingModel { get; set; }
}

public sealed class GenerationOptions
{
    public const string Section = "Generation";

    public GenerationProvider Provider { get; set; } = GenerationProvider.Extractive;

    /// <summary>
    /// A statement counts as supported by a passage when its cosine to one of the passage's sentences reaches
    /// this. Calibrated on seeds/eval/support-calibration.jsonl (README, "Citation verification").
    /// </summary>
    [Range(0.0, 1.0)]
    public double SupportThreshold { get; set; } = 0.50;

    /// <summary>
    /// A follow-up question the model suggests is shown only when one of the passages' sentences is at least this
    /// close to it (the question asks about something the passages speak of); the relevance threshold of questions.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FollowUpSupportThreshold { get; set; } = 0.45;

    /// <summary>A cited passage this much less similar to the statement than the best retrieved passage is re-cited.</summary>
    [Range(0.0, 1.0)]
    public double RecitationMargin { get; set; } = 0.10;

    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 12;

    [Range(1, 1200)]
    public int TotalTimeoutSeconds { get; set; } = 20;

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay (exponential with jitter after it), unless the server sends Retry-After.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    [Range(100, 16000)]
    public int MaxOutputTokens { get; set; } = 1200;

    /// <summary>Sent only to models that take it; reasoning models (o-series, gpt-5) get their default.</summary>
    [Range(0.0, 2.0)]
    public double? Temperature { get; set; } = 0;

    /// <summary>Treat the chat model as a reasoning model whatever its name (null: decide by the model's family).</summary>
    public bool? ReasoningModel { get; set; }

    /// <summary>The prompt (rules, passages, question) is kept within this many tokens by leaving out the lowest-ranked passages.</summary>
    [Range(1000, 1_000_000)]
    public int ContextTokens { get; set; } = 8000;

    /// <summary>
    /// All model calls of one answer end this long after the request arrived, leaving the rest of the request's time
    /// limit (Requests:TimeoutSeconds, 30 s) for retrieval and the extractive fallback.
    /// </summary>
    [Range(1, 3600)]
    public double AnswerBudgetSeconds { get; set; } = 25;

    /// <summary>The share of the answer budget a follow-up's rewrite may use; the rule-based condenser takes over after it.</summary>
    [Range(0.05, 0.9)]
    public double CondenseShare { get; set; } = 0.3;
}

public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>The in-process model when Provider is Local; a store built with one refuses the other.</summary>
    public LocalEmbeddingModel LocalModel { get; set; } = LocalEmbeddingModel.MiniLM;

    /// <summary>Vector size of a remote embedding model (e.g. 1536 for text-embedding-3-small); the store refuses any other.</summary>
    [Range(0, 8192)]
    public int Dimensions { get; set; }
}
