using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>The <c>Qdrant</c> configuration section. Shards and replicas apply when the collection is created.</summary>
public sealed class QdrantStoreOptions
{
    public const string Section = "Qdrant";

    [Required(ErrorMessage = "Qdrant:Endpoint must be the gRPC address of Qdrant, e.g. http://localhost:6334.")]
    [RegularExpression("^https?://.+", ErrorMessage = "Qdrant:Endpoint must start with http:// or https:// and name the gRPC port (6334 by default), e.g. http://localhost:6334.")]
    public string Endpoint { get; set; } = "";

    /// <summary>Sent as the api-key header; leave empty for a Qdrant without authentication.</summary>
    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "Qdrant:Collection must name the collection, e.g. ragapi.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,255}$", ErrorMessage = "Qdrant:Collection may hold letters, digits, '_', '-' and '.' only.")]
    public string Collection { get; set; } = "ragapi";

    /// <summary>Unset by default, so Qdrant gives a cluster one shard per node (and a single node one shard).</summary>
    [Range(1, 1024, ErrorMessage = "Qdrant:ShardNumber must be between 1 and 1024, or unset to let Qdrant choose one shard per node.")]
    public int? ShardNumber { get; set; }

    [Range(1, 64, ErrorMessage = "Qdrant:ReplicationFactor must be between 1 and 64 (and at most the number of nodes).")]
    public int ReplicationFactor { get; set; } = 1;

    [Range(1, 64, ErrorMessage = "Qdrant:WriteConsistencyFactor must be between 1 and 64 (and at most the replication factor).")]
    public int WriteConsistencyFactor { get; set; } = 1;

    [ValidateObjectMembers]
    public QdrantResilienceOptions Resilience { get; set; } = new();
}

/// <summary>The <c>Qdrant:Resilience</c> section: the pipeline around every Qdrant call.</summary>
public sealed class QdrantResilienceOptions
{
    /// <summary>One attempt's limit: the pipeline cancels the gRPC call when it passes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Qdrant:Resilience:AttemptTimeout must be between 1 ms and 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt's limit for creating the collection, its payload indexes and its metadata (minutes on a large collection).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Qdrant:Resilience:AdminTimeout must be between 1 second and 1 hour.")]
    public TimeSpan AdminTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(0, 10, ErrorMessage = "Qdrant:Resilience:RetryAttempts must be between 0 and 10.")]
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Base of the exponential back-off, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Qdrant:Resilience:RetryDelay must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(0.01, 1.0, ErrorMessage = "Qdrant:Resilience:FailureRatio must be between 0.01 and 1.")]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, 10_000, ErrorMessage = "Qdrant:Resilience:MinimumThroughput must be at least 2.")]
    public int MinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "Qdrant:Resilience:SamplingDuration must be between 0.5 s and 1 hour.")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "Qdrant:Resilience:BreakDuration must be between 0.5 s and 1 hour.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

[OptionsValidator]
internal sealed partial class QdrantStoreOptionsValidator : IValidateOptions<QdrantStoreOptions>;
