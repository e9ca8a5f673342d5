using RagApi.LoadTest;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Support;

/// <summary>
/// A tiny BEIR folder written here (eight abstracts on distinct topics, five judged queries) and the real RagApi
/// server as its own process, with one API key, whose store the server seeded from that folder's corpus.jsonl.
/// </summary>
public class BeirServer : IAsyncLifetime
{
    public const string ApiKey = "beir-tests-key-41c9";

    private const string Corpus = """
        {"_id": "d-lems", "title": "Lambert-Eaton myasthenic syndrome", "text": "Lambert-Eaton myasthenic syndrome is caused by antibodies against presynaptic P/Q-type voltage-gated calcium channels. Patients have proximal weakness, autonomic symptoms and reduced reflexes that improve after brief exercise."}
        {"_id": "d-dap", "title": "Amifampridine for Lambert-Eaton syndrome", "text": "3,4-diaminopyridine blocks potassium channels and prolongs the presynaptic action potential. In a randomised trial it improved muscle strength and compound muscle action potentials in Lambert-Eaton myasthenic syndrome."}
        {"_id": "d-asthma", "title": "Inhaled corticosteroids in asthma", "text": "Inhaled corticosteroids reduce airway inflammation, exacerbations and hospital admissions in persistent asthma. Adherence and inhaler technique determine much of their benefit."}
        {"_id": "d-hf", "title": "Beta blockers in heart failure", "text": "Beta blockers such as bisoprolol and carvedilol reduce mortality in heart failure with reduced ejection fraction. They are started at a low dose and titrated slowly."}
        {"_id": "d-diabetes", "title": "Metformin as first-line therapy", "text": "Metformin lowers hepatic glucose production and is the first-line drug for type 2 diabetes. Gastrointestinal side effects are common; lactic acidosis is rare."}
        {"_id": "d-stroke", "title": "Thrombolysis in acute ischaemic stroke", "text": "Intravenous alteplase given within four and a half hours of symptom onset improves functional outcome after acute ischaemic stroke. Haemorrhage is the main risk."}
        {"_id": "d-sepsis", "title": "Early antibiotics in sepsis", "text": "Each hour of delay in giving antibiotics to patients with septic shock increases mortality. Blood cultures are taken first when this causes no delay."}
        {"_id": "d-gout", "title": "Urate lowering in gout", "text": "Allopurinol lowers serum urate and prevents gout flares when titrated to a target below 6 mg/dL. Colchicine prophylaxis covers the first months."}
        """;

    private const string Queries = """
        {"_id": "q1", "text": "Which antibodies cause Lambert-Eaton myasthenic syndrome?"}
        {"_id": "q2", "text": "Does 3,4-diaminopyridine improve strength in LEMS?"}
        {"_id": "q3", "text": "Do inhaled steroids prevent asthma attacks?"}
        {"_id": "q4", "text": "What is the first drug for type 2 diabetes?"}
        {"_id": "q5", "text": "How soon must antibiotics be given in septic shock?"}
        """;

    private const string Qrels = "query-id\tcorpus-id\tscore\nq1\td-lems\t2\nq1\td-dap\t1\nq2\td-dap\t2\nq2\td-lems\t1\nq3\td-asthma\t1\nq4\td-diabetes\t1\nq5\td-sepsis\t1\n";

    private readonly TempFolder _folder = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private ServerProcess? _server;

    public BeirServer() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Server settings beside the seeds (environment variable names, e.g. RateLimits__Burst).</param>
    protected BeirServer(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public string Folder => _folder.Root;

    public string Dataset => Path.Combine(_folder.Root, "beir");

    public string StorePath => Path.Combine(_folder.Root, "store", "ragapi.db");

    public async ValueTask InitializeAsync()
    {
        var corpus = _folder.Write(Path.Combine("beir", "corpus.jsonl"), Corpus);
        _folder.Write(Path.Combine("beir", "queries.jsonl"), Queries);
        _folder.Write(Path.Combine("beir", "qrels", "test.tsv"), Qrels);
        _server = ServerProcess.Start(SeedServer.ServerDll(), RagApi.Testing.RepositoryPaths.Root, StorePath, [ApiKey],
            new Dictionary<string, string>(_settings) { ["Seeds__Path"] = corpus });
        using var http = new HttpClient();
        await _server.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
