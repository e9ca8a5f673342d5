namespace RagApi.Eval.Fitting;

/// <summary>One labelled example: its features, whether it is positive, and how much it counts.</summary>
public sealed record LabelledExample(double[] Features, bool Positive, double Weight = 1);

/// <summary>Weighted logistic regression with a small L2 penalty, fitted by Newton's method (few features, many examples).</summary>
public static class LogisticRegression
{
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<LabelledExample> examples, double l2 = 1e-2, int iterations = 50)
    {
        if (examples.Count == 0) throw new ArgumentException("No examples to fit.", nameof(examples));
        var n = examples[0].Features.Length + 1; // last coefficient is the bias
        var beta = new double[n];
        var totalWeight = examples.Sum(e => e.Weight);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var example in examples)
            {
                var x = Augmented(example.Features);
                var p = Sigmoid(Dot(beta, x));
                var w = example.Weight / totalWeight;
                var residual = (example.Positive ? 1 : 0) - p;
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += w * residual * x[i];
                    for (var j = 0; j < n; j++) hessian[i, j] += w * p * (1 - p) * x[i] * x[j];
                }
            }
            for (var i = 0; i < n - 1; i++)
            {
                gradient[i] -= l2 * beta[i];
                hessian[i, i] += l2;
            }
            hessian[n - 1, n - 1] += 1e-9;
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                beta[i] += step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }
            if (change < 1e-8) break;
        }
        return (beta[..^1], beta[^1]);
    }

    public static double Probability(double[] weights, double bias, double[] features) => Sigmoid(bias + Dot(weights, features));

    /// <summary>Area under the ROC curve: the chance a random positive outscores a random negative.</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Positive)> scored)
    {
        var ordered = scored.OrderBy(s => s.Score).ToList();
        double rankSum = 0, positives = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j < ordered.Count && ordered[j].Score == ordered[i].Score) j++;
            var averageRank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
                if (ordered[k].Positive) { rankSum += averageRank; positives++; }
            i = j;
        }
        var negatives = ordered.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    private static double[] Augmented(double[] features) => [.. features, 1.0];

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Gaussian elimination with partial pivoting.</summary>
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            if (Math.Abs(m[col, col]) < 1e-12) continue;
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++) m[row, k] -= factor * m[col, k];
                x[row] -= factor * x[col];
            }
        }
        for (var row = n - 1; row >= 0; row--)
        {
            for (var k = row + 1; k < n; k++) x[row] -= m[row, k] * x[k];
            x[row] = Math.Abs(m[row, row]) < 1e-12 ? 0 : x[row] / m[row, row];
        }
        return x;
    }
}
