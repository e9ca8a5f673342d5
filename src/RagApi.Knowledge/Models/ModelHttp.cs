using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
namespace RagApi.Knowledge.Models;

/// <summary>The resilient HttpClient every model call goes through (see <see cref="ModelHttpClient"/>).</summary>
public sealed record ModelHttp(HttpClient Client);
