namespace RagApi.Hosting.Problems;

/// <summary>Stable problem types: URNs, so they never depend on a host name.</summary>
public static class ProblemTypes
{
    public const string ApiKeyRequired = "urn:ragapi:problem:api-key-required";
    public const string ApiKeyInvalid = "urn:ragapi:problem:api-key-invalid";
    public const string RateLimited = "urn:ragapi:problem:rate-limited";
    public const string BodyTooLarge = "urn:ragapi:problem:body-too-large";
    public const string Timeout = "urn:ragapi:problem:timeout";
    public const string StoreUnavailable = "urn:ragapi:problem:store-unavailable";
    public const string NotReady = "urn:ragapi:problem:not-ready";
    public const string Misconfigured = "urn:ragapi:problem:misconfigured";
    public const string EmbeddingsUnavailable = "urn:ragapi:problem:embeddings-unavailable";
    public const string EmbeddingsRefused = "urn:ragapi:problem:embeddings-refused";
    public const string KnowledgeFailure = "urn:ragapi:problem:knowledge-failure";
}
