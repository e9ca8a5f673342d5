using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// Every chunk vector in one contiguous array, scanned with SIMD dot products: exact cosine search that stays
/// fast to about a million chunks on one machine, with filters applied before scoring.
/// </summary>
internal sealed class DenseIndex
{
    private readonly float[] _vectors;
    private readonly long[] _rowIds;
    private readonly DocumentKind[] _kinds;
    private readonly string[] _documentIds;
    private readonly int?[] _years;

    public DenseIndex(int dimensions, IReadOnlyList<(long RowId, string DocumentId, DocumentKind Kind, int? Year, float[] Vector)> rows)
    {
        Dimensions = dimensions;
        _vectors = new float[rows.Count * dimensions];
        _rowIds = new long[rows.Count];
        _kinds = new DocumentKind[rows.Count];
        _documentIds = new string[rows.Count];
        _years = new int?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Vector.CopyTo(_vectors, i * dimensions);
            (_rowIds[i], _documentIds[i], _kinds[i], _years[i]) = (rows[i].RowId, rows[i].DocumentId, rows[i].Kind, rows[i].Year);
        }
    }

    public int Dimensions { get; }

    public int Count => _rowIds.Length;

    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilters filters, int k)
    {
        var best = new PriorityQueue<(long RowId, float Score), float>(k + 1);
        var filter = new RowFilter(filters);
        for (var i = 0; i < _rowIds.Length; i++)
        {
            if (!filter.Admits(_documentIds[i], _kinds[i], _years[i])) continue;
            var score = VectorMath.Cosine(query, _vectors.AsSpan(i * Dimensions, Dimensions));
            if (best.Count < k) best.Enqueue((_rowIds[i], score), score);
            else if (score > best.Peek().Score) best.EnqueueDequeue((_rowIds[i], score), score);
        }
        var result = new List<(long RowId, float Score)>(best.Count);
        while (best.Count > 0) result.Add(best.Dequeue());
        result.Reverse();
        return result;
    }
}
