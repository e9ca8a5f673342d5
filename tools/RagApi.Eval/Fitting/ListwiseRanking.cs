namespace RagApi.Eval.Fitting;

/// <summary>One question's candidates: their features and which of them answer it.</summary>
public sealed record RankedList(IReadOnlyList<(double[] Features, bool Positive)> Candidates, double Weight = 1);

/// <summary>
/// A linear score fitted so that, within each question, an answering sentence outranks the others: the
/// log-likelihood of each answering sentence under a softmax over its question's candidates, with a small L2
/// penalty, maximised by Newton's method. What counts is the order within a question, not how scores compare
/// across questions, which is what choosing a lead needs.
/// </summary>
public static class ListwiseRanking
{
    public static double[] Fit(IReadOnlyList<RankedList> lists, double l2 = 1e-3, int iterations = 30)
    {
        var usable = lists.Where(l => l.Candidates.Any(c => c.Positive) && l.Candidates.Any(c => !c.Positive)).ToList();
        if (usable.Count == 0) throw new ArgumentException("No question has both an answering and another sentence.", nameof(lists));
        var n = usable[0].Candidates[0].Features.Length;
        var weights = new double[n];
        var total = usable.Sum(l => l.Weight);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var list in usable)
            {
                var scores = list.Candidates.Select(c => LogisticRegression.Dot(weights, c.Features)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
                var sum = exp.Sum();
                var mean = new double[n];
                for (var j = 0; j < exp.Length; j++)
                    for (var i = 0; i < n; i++) mean[i] += exp[j] / sum * list.Candidates[j].Features[i];
                var positives = list.Candidates.Where(c => c.Positive).ToList();
                var w = list.Weight / total;
                for (var i = 0; i < n; i++) gradient[i] += w * (positives.Average(p => p.Features[i]) - mean[i]);
                for (var j = 0; j < exp.Length; j++)
                {
                    var p = exp[j] / sum;
                    var f = list.Candidates[j].Features;
                    for (var a = 0; a < n; a++)
                        for (var b = 0; b < n; b++) hessian[a, b] += w * p * (f[a] - mean[a]) * (f[b] - mean[b]);
                }
            }
            for (var i = 0; i < n; i++)
            {
                gradient[i] -= l2 * weights[i];
                hessian[i, i] += l2;
            }
            var step = LogisticRegression.Solve(hessian, gradient);
            // Newton's full step can overshoot far from the optimum: halve it until the likelihood improves.
            var current = Objective(usable, weights, total, l2);
            var scale = 1.0;
            double[] next;
            do
            {
                next = weights.Select((w, i) => w + scale * step[i]).ToArray();
                scale /= 2;
            }
            while (Objective(usable, next, total, l2) < current && scale > 1e-6);
            // No step that improves the likelihood: the weights are at the optimum as far as Newton can tell.
            if (Objective(usable, next, total, l2) < current) break;
            var change = next.Select((w, i) => Math.Abs(w - weights[i])).Max();
            weights = next;
            if (change < 1e-7) break;
        }
        return weights;
    }

    private static double Objective(List<RankedList> lists, double[] weights, double total, double l2)
    {
        var sum = 0.0;
        foreach (var list in lists)
        {
            var scores = list.Candidates.Select(c => LogisticRegression.Dot(weights, c.Features)).ToArray();
            var max = scores.Max();
            var logSum = max + Math.Log(scores.Sum(s => Math.Exp(s - max)));
            var positives = scores.Where((_, j) => list.Candidates[j].Positive).ToList();
            sum += list.Weight / total * (positives.Average() - logSum);
        }
        return sum - l2 / 2 * weights.Sum(w => w * w);
    }
}
