using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>
/// The relevance threshold was calibrated on seeds/eval/relevance-calibration.jsonl (see README): every question
/// the corpus answers must be answered and every other refused. A change to the corpus, the embedder or the
/// scoring that moves a question across the threshold fails here.
/// </summary>
public sealed class RelevanceCalibrationTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    public static TheoryData<string, bool> CalibrationQuestions()
    {
        var data = new TheoryData<string, bool>();
        var path = Path.Combine(RepositoryPaths.Root, "seeds", "eval", "relevance-calibration.jsonl");
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            data.Add(json.RootElement.GetProperty("question").GetString()!, json.RootElement.GetProperty("shouldRefuse").GetBoolean());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CalibrationQuestions))]
    public async Task A_calibration_question_is_refused_exactly_when_the_corpus_cannot_answer_it(string question, bool shouldRefuse)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.Equal(shouldRefuse, answer.InsufficientEvidence);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
