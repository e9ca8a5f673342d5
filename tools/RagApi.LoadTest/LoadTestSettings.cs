namespace RagApi.LoadTest;

public sealed record LoadTestSettings(int Clients, TimeSpan Duration, int MaxRequests, TimeSpan SampleEvery, string StorePath, string? ServerPath, IReadOnlyList<string> QuestionSets);
