using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Chunking;

namespace RagApi.Knowledge.Ingestion;

public static class IngestionExtensions
{
    /// <summary>read -> chunk -> embed -> store, as the indexer and the API's seeding run it.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new Chunker(sp.GetRequiredService<ITextEmbedder>()));
        builder.Services.AddSingleton<IndexingPipeline>();
        return builder;
    }
}
