using RagApi.Knowledge.Ingestion.Documents;
using System.Text;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// The FTS5 table's terms held in memory as postings, ranked by the same BM25 as FTS5's bm25() (k1 1.2, b 0.75,
/// idf ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6, row length in tokens over the table's mean, phrases summed in
/// query order), so it returns the rows and scores FTS5 would, ties by row id: FTS5 took about 0.7 ms a query on
/// the 287-chunk seed store and 2.5 ms on 1,000 abstracts, most of an answer's work besides the model. Filters are
/// applied after scoring, as FTS5's joins did, so idf and the mean length stay the whole table's. The postings are
/// FTS5's own tokens (its unicode61 tokenizer folds more than lower-casing: "µ" to "μ", "ſ" to "s"), and a query
/// with a term outside ASCII, which FTS5 would fold the same way, is left to FTS5.
/// </summary>
internal sealed class LexicalIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, (int[] Rows, int[] Counts)> _postings;
    private readonly long[] _rowIds;
    private readonly int[] _lengths;
    private readonly string?[] _documentIds;
    private readonly DocumentKind?[] _kinds;
    private readonly int?[] _years;
    private readonly double _averageLength;

    /// <param name="rows">Every row of the FTS5 table with its tokens as FTS5 indexed them, and its document's filter fields.</param>
    public LexicalIndex(IReadOnlyList<(long RowId, IReadOnlyList<string> Tokens, string? DocumentId, DocumentKind? Kind, int? Year)> rows)
    {
        _rowIds = new long[rows.Count];
        _lengths = new int[rows.Count];
        (_documentIds, _kinds, _years) = (new string?[rows.Count], new DocumentKind?[rows.Count], new int?[rows.Count]);
        var postings = new Dictionary<string, (List<int> Rows, List<int> Counts)>(StringComparer.Ordinal);
        long tokens = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            var terms = rows[row].Tokens;
            (_rowIds[row], _lengths[row], _documentIds[row], _kinds[row], _years[row]) = (rows[row].RowId, terms.Count, rows[row].DocumentId, rows[row].Kind, rows[row].Year);
            tokens += terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list)) postings[group.Key] = list = ([], []);
                list.Rows.Add(row);
                list.Counts.Add(group.Count());
            }
        }
        _postings = postings.ToDictionary(p => p.Key, p => (p.Value.Rows.ToArray(), p.Value.Counts.ToArray()), StringComparer.Ordinal);
        _averageLength = rows.Count == 0 ? 0 : (double)tokens / rows.Count;
    }

    public int Count => _rowIds.Length;

    /// <summary>The best <paramref name="k"/> rows for the text's terms, or null when a term is one FTS5 would fold further.</summary>
    public IReadOnlyList<(long RowId, float Score)>? Search(string text, SearchFilters filters, int k)
    {
        var terms = TextAnalyzer.Terms(text).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Any(t => !Ascii.IsValid(t))) return null;
        var scores = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var posting)) continue;
            var hits = posting.Rows.Length;
            var idf = Math.Log((_rowIds.Length - hits + 0.5) / (hits + 0.5));
            if (idf <= 0.0) idf = 1e-6;
            for (var p = 0; p < hits; p++)
            {
                var (row, frequency) = (posting.Rows[p], (double)posting.Counts[p]);
                var term25 = idf * (frequency * (K1 + 1.0) / (frequency + K1 * (1 - B + B * _lengths[row] / _averageLength)));
                scores[row] = scores.GetValueOrDefault(row) + term25;
            }
        }
        // The best k by score, ties by row id, without sorting every row a common term reached.
        var filter = new RowFilter(filters);
        var best = new PriorityQueue<int, (double Score, long RowId)>(k + 1, WorstFirst);
        foreach (var (row, score) in scores)
        {
            if (!filter.Admits(_documentIds[row], _kinds[row], _years[row])) continue;
            best.Enqueue(row, (score, _rowIds[row]));
            if (best.Count > k) best.Dequeue();
        }
        var result = new (long RowId, float Score)[best.Count];
        for (var i = result.Length - 1; best.TryDequeue(out var row, out var rank); i--) result[i] = (_rowIds[row], (float)rank.Score);
        return result;
    }

    private static readonly Comparer<(double Score, long RowId)> WorstFirst = Comparer<(double Score, long RowId)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.RowId.CompareTo(a.RowId));
}
