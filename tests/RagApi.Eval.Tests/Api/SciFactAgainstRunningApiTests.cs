using System.Text.Json;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>
/// `scifact --api` against the real server process on loopback, over a SciFact folder written here whose abstracts
/// are the ones that server's store holds: four claims, each with one rationale sentence of one abstract.
/// </summary>
[Collection(SharedBeirServer.Name)]
public sealed class SciFactAgainstRunningApiTests(BeirServer server)
{
    private const string Claims = """
        {"_id": "1", "text": "Antibodies against presynaptic P/Q-type voltage-gated calcium channels cause Lambert-Eaton myasthenic syndrome."}
        {"_id": "2", "text": "3,4-diaminopyridine improves muscle strength in Lambert-Eaton myasthenic syndrome."}
        {"_id": "3", "text": "Metformin is the first-line drug for type 2 diabetes."}
        {"_id": "4", "text": "Delaying antibiotics in septic shock increases mortality."}
        """;

    private const string Sentences = """
        {"_id": "d-lems", "sentences": ["Lambert-Eaton myasthenic syndrome is caused by antibodies against presynaptic P/Q-type voltage-gated calcium channels.", "Patients have proximal weakness, autonomic symptoms and reduced reflexes that improve after brief exercise."]}
        {"_id": "d-dap", "sentences": ["3,4-diaminopyridine blocks potassium channels and prolongs the presynaptic action potential.", "In a randomised trial it improved muscle strength and compound muscle action potentials in Lambert-Eaton myasthenic syndrome."]}
        {"_id": "d-diabetes", "sentences": ["Metformin lowers hepatic glucose production and is the first-line drug for type 2 diabetes.", "Gastrointestinal side effects are common; lactic acidosis is rare."]}
        {"_id": "d-sepsis", "sentences": ["Each hour of delay in giving antibiotics to patients with septic shock increases mortality.", "Blood cultures are taken first when this causes no delay."]}
        """;

    private const string Rationales = """
        {"query-id": "1", "corpus-id": "d-lems", "label": "SUPPORT", "sentences": [0]}
        {"query-id": "2", "corpus-id": "d-dap", "label": "SUPPORT", "sentences": [1]}
        {"query-id": "3", "corpus-id": "d-diabetes", "label": "SUPPORT", "sentences": [0]}
        {"query-id": "4", "corpus-id": "d-sepsis", "label": "SUPPORT", "sentences": [0]}
        """;

    private const string Qrels = "query-id\tcorpus-id\tscore\n1\td-lems\t1\n2\td-dap\t1\n3\td-diabetes\t1\n4\td-sepsis\t1\n";

    [Fact]
    public async Task The_api_run_with_the_key_answers_every_claim_quoting_its_rationale_sentence_and_ranks_its_abstract_first()
    {
        var report = Path.Combine(server.Folder, "scifact-api.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey,
            "--concurrency", "2", "--json", report]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
        var answers = json.RootElement.GetProperty("answers");
        // An API searches hybrid only, so there is one ranking.
        var hybrid = json.RootElement.GetProperty("retrieval").EnumerateArray().Single();

        Assert.Equal((0, 4, 1.0, 1.0, 0, 1.0),
            (exit, answers.GetProperty("claims").GetInt32(), answers.GetProperty("evidenceCited").GetDouble(), answers.GetProperty("rationaleQuoted").GetDouble(),
             answers.GetProperty("structurallyInvalid").GetInt32(), hybrid.GetProperty("ndcgAt10").GetDouble()));
    }

    [Fact]
    public async Task A_request_that_fails_stops_the_run_with_exit_1_and_writes_no_figures()
    {
        var report = Path.Combine(server.Folder, "scifact-no-key.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--concurrency", "2", "--json", report]);

        Assert.Equal((1, false), (exit, File.Exists(report)));
    }

    /// <summary>The SciFact files beside the server's own corpus.jsonl (the abstracts its store was seeded from).</summary>
    private string WriteSample()
    {
        var folder = Path.Combine(server.Folder, "scifact");
        Directory.CreateDirectory(Path.Combine(folder, "qrels"));
        File.Copy(Path.Combine(server.Dataset, "corpus.jsonl"), Path.Combine(folder, "corpus.jsonl"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "queries.jsonl"), Claims);
        File.WriteAllText(Path.Combine(folder, "sentences.jsonl"), Sentences);
        File.WriteAllText(Path.Combine(folder, "rationales.jsonl"), Rationales);
        File.WriteAllText(Path.Combine(folder, "qrels", "train.tsv"), Qrels);
        return folder;
    }
}
