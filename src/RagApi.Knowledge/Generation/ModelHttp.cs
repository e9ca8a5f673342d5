namespace RagApi.Knowledge.Generation;

/// <summary>The resilient HttpClient every model call goes through (see <see cref="ModelHttpClient"/>).</summary>
public sealed record ModelHttp(HttpClient Client);
