namespace RagApi.Hosting.Limits;

/// <summary>Marks the endpoints whose bodies are held to Requests:MaxBodyBytes before they are read.</summary>
internal sealed class BodyLimitMetadata;
