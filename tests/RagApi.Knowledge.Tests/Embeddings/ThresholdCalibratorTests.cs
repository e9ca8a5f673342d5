using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Tests.Answering;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>
/// Calibration on seeds/eval with MiniLM must land in the gaps the README reports for MiniLM (relevance: out-of-scope
/// up to 0.340, in-scope from 0.572; support: unsupported up to 0.305, supported from 0.583), where the defaults sit.
/// </summary>
public sealed class ThresholdCalibratorTests(SeedCorpus seeds)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private static readonly CalibrationSet Cases = CalibrationSet.Load(Path.Combine(RepositoryPaths.Seeds, "eval"));

    [Fact]
    public async Task MiniLm_on_the_seed_corpus_calibrates_both_thresholds_inside_the_gaps_its_defaults_sit_in()
    {
        var report = await new ThresholdCalibrator(seeds.Store, RealModel.Embedder, new Retriever(seeds.Store, RealModel.Embedder, TestMetrics.Create()), new AnswerOptions()).CalibrateAsync(Cases, _ct);

        Assert.True(report.OutOfScopeHighest < ModelThresholds.MiniLmRelevance && ModelThresholds.MiniLmRelevance < report.InScopeLowest &&
                    report.UnsupportedHighest < ModelThresholds.MiniLmSupport && ModelThresholds.MiniLmSupport < report.SupportedLowest &&
                    report.OutOfScopeHighest < report.Calibration.RelevanceThreshold && report.Calibration.RelevanceThreshold < report.InScopeLowest,
            report.ToString());
    }

    [Fact]
    public async Task A_case_naming_a_document_the_store_lacks_fails_calibration_naming_it()
    {
        var cases = Cases with { Support = [.. Cases.Support, new SupportCase("Anything.", "not-in-the-store", true)] };

        var failed = await Assert.ThrowsAsync<CalibrationFailedException>(() =>
            new ThresholdCalibrator(seeds.Store, RealModel.Embedder, new Retriever(seeds.Store, RealModel.Embedder, TestMetrics.Create()), new AnswerOptions()).CalibrateAsync(cases, _ct));

        Assert.Contains("'not-in-the-store'", failed.Message);
    }

    [Fact]
    public async Task Cases_the_model_cannot_separate_fail_calibration_with_the_figures()
    {
        // The same question marked both ways: no threshold can answer one and refuse the other.
        var question = Cases.Relevance.First(c => !c.ShouldRefuse).Question;
        var cases = Cases with { Relevance = [.. Cases.Relevance, new RelevanceCase(question, ShouldRefuse: true)] };

        var failed = await Assert.ThrowsAsync<CalibrationFailedException>(() =>
            new ThresholdCalibrator(seeds.Store, RealModel.Embedder, new Retriever(seeds.Store, RealModel.Embedder, TestMetrics.Create()), new AnswerOptions()).CalibrateAsync(cases, _ct));

        Assert.Contains(question, failed.Message);
    }

    [Fact]
    public void A_malformed_calibration_line_is_refused_naming_the_file_and_line()
    {
        using var folder = new TempFolder();
        folder.Write(CalibrationSet.RelevanceFile, "{\"question\": \"ok\", \"shouldRefuse\": false}\n{\"question\": 3}\n");
        folder.Write(CalibrationSet.SupportFile, "");

        var refused = Assert.Throws<InvalidDataException>(() => CalibrationSet.Load(folder.Root));

        Assert.Contains($"{CalibrationSet.RelevanceFile}:2:", refused.Message);
    }
}
