using System.CommandLine;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Eval.Fitting;

/// <summary>
/// ragapi-eval fit: runs labelled questions through retrieval as answers do, fits the sentence-selection and
/// answerability models, prints train and held-out figures and writes the model JSON the composer loads.
/// </summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The external data folder (pubmedqa/, scifact/ labels).", DefaultValueFactory = _ => DefaultData() };
        var pubmedqa = new Option<string?>("--pubmedqa") { Description = "A PubMedQA BEIR folder whose queries are used (default: <data>/pubmedqa)." };
        var pubmedqaStore = new Option<string?>("--pubmedqa-store") { Description = "That folder's corpus indexed (ragapi-eval beir --store)." };
        var scifact = new Option<string?>("--scifact") { Description = "A SciFact BEIR folder whose claims are used (default: <data>/scifact)." };
        var scifactStore = new Option<string?>("--scifact-store") { Description = "That folder's corpus indexed." };
        var seedStore = new Option<string?>("--seed-store") { Description = "A store of the seed corpus; seeds/ is indexed into it first (unchanged documents are skipped)." };
        var suites = new Option<string[]>("--suite") { Description = "Seed suite files (labelled by their expected phrases).", AllowMultipleArgumentsPerToken = true };
        var without = new Option<string[]>("--without") { Description = "Features left out (held at zero), by name, to measure what each adds.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Where to write the fitted model JSON (default: print only)." };
        var answerabilityOnly = new Option<bool>("--answerability-only") { Description = "Keep the shipped sentence ranking, inclusion model and threshold; fit only the answer/refuse decision." };
        var command = new Command("fit", "Fit sentence selection and answerability on labelled data (PubMedQA long answers, SciFact rationales, seed suites); prints train and held-out figures.")
        {
            data, pubmedqa, pubmedqaStore, scifact, scifactStore, seedStore, suites, without, output, answerabilityOnly,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataFolder = result.GetValue(data)!;
            var sets = new List<(string Store, IReadOnlyList<LabelledQuestion> Questions)>();
            if (result.GetValue(pubmedqaStore) is { } pStore)
            {
                var folder = result.GetValue(pubmedqa) ?? Path.Combine(dataFolder, "pubmedqa");
                sets.Add((pStore, LabelledQuestions.PubMedQa(Path.Combine(folder, "queries.jsonl"), Path.Combine(dataFolder, "pubmedqa", "long-answers.jsonl"))));
            }
            if (result.GetValue(scifactStore) is { } sStore)
            {
                var folder = result.GetValue(scifact) ?? Path.Combine(dataFolder, "scifact");
                sets.Add((sStore, LabelledQuestions.SciFact(Path.Combine(folder, "queries.jsonl"),
                    Path.Combine(dataFolder, "scifact", "rationales.jsonl"), Path.Combine(dataFolder, "scifact", "sentences.jsonl"))));
            }
            if (result.GetValue(seedStore) is { } seeds)
                sets.Add((seeds, LabelledQuestions.Suites(result.GetValue(suites) ?? [])));
            if (sets.Count == 0)
            {
                Console.Error.WriteLine("fit: give at least one of --pubmedqa-store, --scifact-store, --seed-store.");
                return 2;
            }
            var modelId = "";
            var measured = new List<MeasuredQuestion>();
            // The embedder is the one configuration selects (Embeddings:Provider, Embeddings:LocalModel), composed by
            // AddKnowledge in the first store's services and shared with the others, so the model loads once.
            var opened = new List<KnowledgeServices>();
            try
            {
                foreach (var (store, questions) in sets)
                {
                    var services = new KnowledgeServices(store, new AnswerOptions(), opened.FirstOrDefault()?.Embedder);
                    opened.Add(services);
                    if (store == result.GetValue(seedStore))
                        Console.WriteLine($"  {await services.Indexing.RunAsync(DocumentSourceLoader.Load(RepositoryPaths.Find("seeds")), prune: true, progress: null, cancellationToken)}");
                    var labelled = LabelledQuestions.AnswerableFrom(questions, (await services.Store.GetContentHashesAsync(cancellationToken)).Keys.ToList());
                    Console.WriteLine($"Measuring {labelled.Count} questions ({labelled.Count(q => !q.Answerable)} unanswerable from it) on {store} with {services.Embedder.ModelId}");
                    foreach (var question in labelled)
                        measured.Add(await MeasuredQuestion.MeasureAsync(services, question, cancellationToken));
                }
                modelId = opened[0].Embedder.ModelId;
            }
            finally
            {
                // The first owns the shared embedder: it goes last.
                for (var i = opened.Count - 1; i >= 0; i--) opened[i].Dispose();
            }
            var leftOut = (result.GetValue(without) ?? []).Select(name => SentenceFeatures.Names.ToList().IndexOf(name) is var i and >= 0 ? i
                : throw new ArgumentException($"--without: no feature named '{name}'; the features are: {string.Join(", ", SentenceFeatures.Names)}")).ToList();
            foreach (var candidate in measured.SelectMany(m => m.Candidates))
                foreach (var i in leftOut) candidate.Features[i] = 0;
            var fitted = SelectionFitter.Fit(measured, modelId, new AnswerOptions(), TimeProvider.System, Console.Out,
                result.GetValue(answerabilityOnly) ? SelectionModel.Default : null);
            if (result.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, fitted.ToJson() + Environment.NewLine, cancellationToken);
                Console.WriteLine($"Wrote {path}");
            }
            return 0;
        });
        return command;
    }

    private static string DefaultData()
    {
        var repository = Path.GetDirectoryName(RepositoryPaths.Find("RagApi.sln"))!;
        return Path.GetFullPath(Path.Combine(repository, "..", "shared", "data"));
    }
}
