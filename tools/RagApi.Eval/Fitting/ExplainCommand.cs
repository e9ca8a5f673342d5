using System.CommandLine;
using System.Globalization;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Fitting;

/// <summary>
/// ragapi-eval explain: shows how the extractive composer ranks the sentences it could answer a question with, with
/// every feature the fitted model weighs, so a developer can see why one sentence leads.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, as a clinician types it." };
        var store = new Option<string>("--store") { Description = "The embedded store to answer from.", Required = true };
        var top = new Option<int>("--top") { Description = "How many sentences to show.", DefaultValueFactory = _ => 12 };
        var command = new Command("explain", "Show the ranked candidate sentences of one question and the features behind each score.") { question, store, top };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var services = new KnowledgeServices(result.GetValue(store)!, new AnswerOptions());
            var options = services.Options;
            var text = result.GetValue(question)!;
            var retrieval = await services.Retriever.RetrieveAsync(text, SearchFilters.None, options.DefaultTopK * options.RetrievalDepthFactor, cancellationToken);
            var shape = QuestionShape.Of(text);
            Console.WriteLine($"subject: {string.Join(' ', shape.SubjectTerms)}; aspect words: {string.Join(' ', shape.AspectTerms)}; aspects: {string.Join(", ", shape.Aspects.Select(a => a.Heading))}");
            var model = SelectionModel.Default;
            var ranked = (await SentenceCandidates.CollectAsync(services.Store, retrieval, shape, cancellationToken))
                .Select(c => c with { Score = model.Score(c.Features) })
                .OrderByDescending(c => c.Score)
                .ToList();
            // As the composer does: sentences that need their neighbours are never statements, so never the best.
            var usable = ranked.Where(c => !c.NeedsNeighbours).ToList();
            var best = usable.Select(c => c.Score).DefaultIfEmpty(0).Max();
            if (usable.Count > 0)
            {
                // Checked before the answerability model: below the floor nothing is answered, whatever it says.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"relevance {usable.Max(c => c.Relevance):F2} (relevance threshold {options.RelevanceThreshold:F2}: below it, refused)"));
                var features = ExtractiveComposer.AnswerabilityFeatures(model, retrieval, shape, usable);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"answerability {model.Answerability(features):F2} (answered at 0.50): ") + string.Join("  ", SelectionModel.AnswerabilityFeatureNames.Select((n, i) =>
                        string.Create(CultureInfo.InvariantCulture, $"{n}={features[i]:F2}"))));
            }
            foreach (var c in ranked.Take(result.GetValue(top)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Score,7:F3} p={model.Probability(c.Score, best):F2}{(c.NeedsNeighbours ? " [needs neighbours]" : "")} {c.Passage.Chunk.DocumentId}: {c.Text}"));
                Console.WriteLine("        " + string.Join("  ", SentenceFeatures.Names.Select((n, i) =>
                    string.Create(CultureInfo.InvariantCulture, $"{n}={c.Features[i]:F2}"))));
            }
            return 0;
        });
        return command;
    }
}
