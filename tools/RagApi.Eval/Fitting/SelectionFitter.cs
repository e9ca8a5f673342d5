using System.Globalization;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Eval.Fitting;

/// <summary>Fits both models on the training split and reports every figure on training and held-out questions.</summary>
internal static class SelectionFitter
{
    private static readonly int[] PerDocumentCaps = [2, 3, 4, 5, 6, 8];

    /// <param name="options">The composer's options: its relevance floor for the lead, statement caps and near-duplicate merging.</param>
    /// <param name="keepSelection">When given, its ranking, inclusion model and threshold are kept and only answerability is fitted.</param>
    public static SelectionModel Fit(IReadOnlyList<MeasuredQuestion> measured, string embeddingModel, AnswerOptions options, TimeProvider time, TextWriter report,
        SelectionModel? keepSelection = null)
    {
        var train = measured.Where(m => !m.Question.HeldOut).ToList();
        var heldOut = measured.Where(m => m.Question.HeldOut).ToList();

        var weights = keepSelection?.Weights.ToArray() ?? ListwiseRanking.Fit(RankedLists(train));
        report.WriteLine(keepSelection is null ? "Sentence ranking weights (softmax over each question's candidates):" : "Sentence ranking weights (kept):");
        for (var i = 0; i < weights.Length; i++) report.WriteLine(F($"  {SentenceFeatures.Names[i],-24} {weights[i],8:F3}"));
        double Rank(double[] features) => LogisticRegression.Dot(weights, features);

        var (inclusionWeights, inclusionBias) = keepSelection is null
            ? LogisticRegression.Fit(InclusionExamples(train, Rank))
            : (keepSelection.InclusionWeights.ToArray(), keepSelection.InclusionBias);
        report.WriteLine(F($"Inclusion: p = logistic({inclusionWeights[0]:F3} x score + {inclusionWeights[1]:F3} x (best - score) + {inclusionBias:F3})"));
        var scorers = train.Concat(heldOut).ToDictionary(q => q, q =>
        {
            var best = q.Candidates.Count == 0 ? 0 : q.Candidates.Max(c => Rank(c.Features));
            return (Func<double[], double>)(f => LogisticRegression.Probability(inclusionWeights, inclusionBias, [Rank(f), best - Rank(f)]));
        });

        report.WriteLine("Ranking (questions with a labelled answer among the candidates; cosine = whole-sentence cosine alone):");
        report.WriteLine("  source    split     questions  labelled  AUC     AUC cos  P@1     P@1 cos");
        foreach (var (source, split, questions) in Splits(train, heldOut))
        {
            var answered = questions.Where(q => q.HasAnswer).ToList();
            var scored = answered.SelectMany(q => q.Candidates).ToList();
            report.WriteLine(F($"  {source,-9} {split,-9} {questions.Count,9}  {(double)answered.Count / Math.Max(1, questions.Count(q => q.Question.Answerable)),8:P0}  {LogisticRegression.Auc(scored.Select(c => (Rank(c.Features), c.Positive)).ToList()),6:F3}  {LogisticRegression.Auc(scored.Select(c => (c.Features[0], c.Positive)).ToList()),7:F3}  {PrecisionAt1(answered, Rank),6:P1}  {PrecisionAt1(answered, f => f[0]),7:P1}"));
        }

        // Recall counts twice as much as precision (F2): the labels mark one phrasing of each fact, so a statement
        // counted as not answering often states the same fact in other words, or a second fact worth stating.
        double MeanF2(double t, AnswerOptions o) => Sources(train).Average(s => Selection(train.Where(q => q.Question.Source == s && q.HasAnswer), Rank, scorers, t, o).F2);
        var thresholds = Enumerable.Range(1, 38).Select(i => i * 0.025).ToList();
        // Kept, the cap and threshold are the shipped ones: nothing to search.
        var (cap, threshold) = keepSelection is null ? ChooseCapAndThreshold() : (options.MaxStatementsPerDocument, keepSelection.InclusionThreshold);
        report.WriteLine(F($"Chosen: at most {cap} statements per document (Answers:MaxStatementsPerDocument is {options.MaxStatementsPerDocument} in this run)"));
        options = options with { MaxStatementsPerDocument = cap };

        // The per-document cap binds as often as the threshold (one relevant abstract per PubMedQA question), so both are chosen together.
        (int Cap, double Threshold) ChooseCapAndThreshold()
        {
            report.WriteLine("Statements per document (best threshold for each; mean F2 over sources on training questions; held-out: answering statement kept, statements/answer per source):");
            var byCap = PerDocumentCaps.Select(perDocument =>
            {
                var o = options with { MaxStatementsPerDocument = perDocument };
                var best = thresholds.MaxBy(t => MeanF2(t, o));
                var heldOutFigures = Sources(heldOut).Select(source => Selection(heldOut.Where(q => q.Question.Source == source && q.HasAnswer), Rank, scorers, best, o));
                report.WriteLine(F($"  {perDocument}  threshold {best:F3}  F2 {MeanF2(best, o):F3}  held-out {string.Join("  ", heldOutFigures.Select(f => F($"{f.Hit:P0} {f.PerAnswer:F1}")))}"));
                return (Cap: perDocument, Threshold: best, F2: MeanF2(best, o));
            }).ToList();
            var chosen = byCap.MaxBy(c => c.F2);
            return (chosen.Cap, chosen.Threshold);
        }
        report.WriteLine("Inclusion thresholds on training questions (per source: statements/answer, sentence precision, recall, questions with an answering statement, statements from a relevant document):");
        foreach (var t in Enumerable.Range(1, 16).Select(i => i * 0.025))
            report.WriteLine(F($"  {t:F3}  ") + string.Join("  |  ", Sources(train).Select(source =>
            {
                var figures = Selection(train.Where(q => q.Question.Source == source && q.HasAnswer), Rank, scorers, t, options);
                return F($"{source} {figures.PerAnswer:F1} {figures.Precision:P0} {figures.Recall:P0} {figures.Hit:P0} {figures.DocumentPrecision:P0}");
            })));
        report.WriteLine(keepSelection is null
            ? F($"Inclusion threshold (maximises the mean over sources of sentence-selection F2 on training questions): {threshold:F3}")
            : F($"Inclusion threshold (kept): {threshold:F3}"));
        report.WriteLine("  source    split     precision  recall   answered  doc. precision  statements/answer  lead answers");
        foreach (var (source, split, questions) in Splits(train, heldOut))
        {
            var s = Selection(questions.Where(q => q.HasAnswer), Rank, scorers, threshold, options);
            report.WriteLine(F($"  {source,-9} {split,-9} {s.Precision,9:P1}  {s.Recall,6:P1}  {s.Hit,8:P1}  {s.DocumentPrecision,14:P1}  {s.PerAnswer,17:F2}  {s.LeadHit,12:P1}"));
        }

        double[] AnswerabilityFeatures(MeasuredQuestion q) =>
            // As the composer measures it: the probability of the best-ranked sentence.
            [q.Candidates.Count == 0 ? 0 : scorers[q](q.Candidates.MaxBy(c => Rank(c.Features))!.Features), q.BestCosine, q.SubjectCoverage];
        var (aWeights, aBias) = LogisticRegression.Fit(AnswerabilityExamples(train, AnswerabilityFeatures));
        report.WriteLine("Answerability weights (classes weighted equally, and data sets within a class):");
        for (var i = 0; i < aWeights.Length; i++) report.WriteLine(F($"  {SelectionModel.AnswerabilityFeatureNames[i],-26} {aWeights[i],8:F3}"));
        report.WriteLine(F($"  {"bias",-26} {aBias,8:F3}"));
        ReportAnswerability(aWeights, aBias, wrongShown: 8);
        if (keepSelection is not null)
        {
            report.WriteLine("The kept model's answerability on the same questions:");
            ReportAnswerability(keepSelection.AnswerabilityWeights.ToArray(), keepSelection.AnswerabilityBias, wrongShown: 0);
        }

        void ReportAnswerability(double[] answerabilityWeights, double bias, int wrongShown)
        {
            report.WriteLine("  source    split     answerable answered   unanswerable refused");
            foreach (var (source, split, questions) in Splits(train, heldOut))
            {
                bool Answers(MeasuredQuestion q) => LogisticRegression.Probability(answerabilityWeights, bias, AnswerabilityFeatures(q)) >= 0.5;
                var yes = questions.Where(q => q.Question.Answerable).ToList();
                var no = questions.Where(q => !q.Question.Answerable).ToList();
                report.WriteLine(F($"  {source,-9} {split,-9} {Share(yes.Count(Answers), yes.Count),9} {Share(no.Count(q => !Answers(q)), no.Count),22}"));
                foreach (var wrong in yes.Where(q => !Answers(q)).Concat(no.Where(Answers)).Take(wrongShown))
                    report.WriteLine(F($"    wrong: {wrong.Question.Id} \"{wrong.Question.Question}\" (best p {AnswerabilityFeatures(wrong)[0]:F2}, cosine {wrong.BestCosine:F2}, subject {wrong.SubjectCoverage:F2})"));
            }
        }

        var provenance = F($"ragapi-eval fit, {time.GetUtcNow():yyyy-MM-dd}: {train.Count} training questions ({string.Join(", ", Sources(train).Select(s => $"{s} {train.Count(q => q.Question.Source == s)}"))}); {heldOut.Count} held out ({HeldOut.DefaultPercent}% by SHA-256 of source:id)");
        return new SelectionModel(provenance, embeddingModel, weights, inclusionWeights, inclusionBias, threshold, aWeights, aBias);
    }

    /// <summary>
    /// Both classes count the same, and within a class each data set does: the many near misses a subset store makes
    /// of one data set's questions must not outweigh the out-of-scope questions of the others.
    /// </summary>
    internal static List<LabelledExample> AnswerabilityExamples(IReadOnlyList<MeasuredQuestion> train, Func<MeasuredQuestion, double[]> features)
    {
        var sourcesPerClass = train.GroupBy(q => q.Question.Answerable).ToDictionary(g => g.Key, g => g.Select(q => q.Question.Source).Distinct().Count());
        var perSourceAndClass = train.GroupBy(q => (q.Question.Source, q.Question.Answerable)).ToDictionary(g => g.Key, g => g.Count());
        return train.Select(q => new LabelledExample(features(q), q.Question.Answerable,
            1.0 / (sourcesPerClass[q.Question.Answerable] * perSourceAndClass[(q.Question.Source, q.Question.Answerable)]))).ToList();
    }

    /// <summary>Each data set counts the same, however many questions it brings.</summary>
    private static List<RankedList> RankedLists(List<MeasuredQuestion> train) =>
        Sources(train).SelectMany(source =>
        {
            var questions = train.Where(q => q.Question.Source == source && q.HasAnswer).ToList();
            return questions.Select(q => new RankedList(q.Candidates.Select(c => (c.Features, c.Positive)).ToList(), 1.0 / questions.Count));
        }).ToList();

    private static List<LabelledExample> InclusionExamples(List<MeasuredQuestion> train, Func<double[], double> rank)
    {
        var examples = new List<LabelledExample>();
        foreach (var source in Sources(train))
        {
            // Each data set counts the same, however many sentences it brings.
            var questions = train.Where(q => q.Question.Source == source && q.HasAnswer).ToList();
            var count = questions.Sum(q => q.Candidates.Count);
            foreach (var q in questions)
            {
                var best = q.Candidates.Max(c => rank(c.Features));
                examples.AddRange(q.Candidates.Select(c => new LabelledExample([rank(c.Features), best - rank(c.Features)], c.Positive, 1.0 / count)));
            }
        }
        return examples;
    }

    private static double PrecisionAt1(List<MeasuredQuestion> questions, Func<double[], double> score) =>
        questions.Count == 0 ? double.NaN : (double)questions.Count(q => q.Candidates.MaxBy(c => score(c.Features))!.Positive) / questions.Count;

    /// <param name="LeadHit">Share of answers whose lead is an answering sentence.</param>
    private sealed record SelectionFigures(double Precision, double Recall, double PerAnswer, double Hit, double DocumentPrecision, double LeadHit)
    {
        public double F2 => Precision + Recall == 0 ? 0 : 5 * Precision * Recall / (4 * Precision + Recall);
    }

    /// <summary>What the composer keeps (<see cref="StatementSelection"/>): the lead, then the likely answers that add something.</summary>
    private static SelectionFigures Selection(IEnumerable<MeasuredQuestion> questions, Func<double[], double> rank,
        Dictionary<MeasuredQuestion, Func<double[], double>> scorers, double threshold, AnswerOptions options)
    {
        int kept = 0, keptPositive = 0, keptRelevant = 0, positives = 0, answers = 0, hits = 0, leadHits = 0;
        foreach (var q in questions)
        {
            var measured = q.Candidates.ToDictionary(c => c.Candidate);
            var ranked = q.Candidates.Select(c => c.Candidate).OrderByDescending(c => rank(c.Features)).ToList();
            bool LikelyAnswer(SentenceCandidate c) => scorers[q](c.Features) >= threshold;
            var lead = StatementSelection.Lead(ranked, options.RelevanceThreshold, q.Shape, LikelyAnswer);
            var groups = lead is null ? [] : StatementSelection.Select([lead, .. ranked.Where(c => !ReferenceEquals(c, lead))], q.Shape.Terms, LikelyAnswer, options);
            var statements = groups.Select(g => (Positive: g.Any(c => measured[c].Positive), measured[g[0]].FromRelevantDocument)).ToList();
            kept += statements.Count;
            keptPositive += statements.Count(s => s.Positive);
            if (statements.Any(s => s.Positive)) hits++;
            if (statements.Count > 0 && statements[0].Positive) leadHits++;
            keptRelevant += statements.Count(s => s.FromRelevantDocument);
            positives += Math.Min(options.MaxStatements, q.Candidates.Count(c => c.Positive));
            answers++;
        }
        return new SelectionFigures(kept == 0 ? 0 : (double)keptPositive / kept, positives == 0 ? 0 : (double)keptPositive / positives, answers == 0 ? 0 : (double)kept / answers, answers == 0 ? 0 : (double)hits / answers, kept == 0 ? 0 : (double)keptRelevant / kept,
            answers == 0 ? 0 : (double)leadHits / answers);
    }

    private static IEnumerable<(string Source, string Split, List<MeasuredQuestion> Questions)> Splits(List<MeasuredQuestion> train, List<MeasuredQuestion> heldOut)
    {
        foreach (var source in Sources(train.Concat(heldOut)))
        {
            yield return (source, "train", train.Where(q => q.Question.Source == source).ToList());
            yield return (source, "held-out", heldOut.Where(q => q.Question.Source == source).ToList());
        }
    }

    private static List<string> Sources(IEnumerable<MeasuredQuestion> questions) => questions.Select(q => q.Question.Source).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Share(int part, int whole) => whole == 0 ? "-" : F($"{(double)part / whole:P1} ({part}/{whole})");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
