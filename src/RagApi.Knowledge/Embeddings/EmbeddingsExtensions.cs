using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Embeddings;

public static class EmbeddingsExtensions
{
    /// <summary>The embedder named by Embeddings:Provider: a local model (Embeddings:LocalModel, MiniLM unless set; needs nothing) or a remote model.</summary>
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITextEmbedder>(sp =>
        {
            var embeddings = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return embeddings.Provider == EmbeddingProvider.Local
                // Concurrent questions share one model call; a lone question is embedded at once.
                ? new BatchingQueryEmbedder(LocalEmbedders.Create(embeddings.LocalModel), sp.GetRequiredService<TimeProvider>())
                : RemoteEmbedder.Create(embeddings,
                    sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
                    sp.GetRequiredService<IOptions<OpenAIOptions>>().Value,
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelsExtensions.EmbeddingsHttpClient),
                    sp.GetRequiredService<Azure.Core.TokenCredential>);
        });
        return builder;
    }
}
