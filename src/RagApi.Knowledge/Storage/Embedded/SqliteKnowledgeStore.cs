using System.Globalization;
using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// The store that needs nothing: one SQLite file with documents, chunks, vectors and an FTS5 index.
/// Each document is replaced in one transaction, so a run killed midway leaves every document whole or absent.
/// </summary>
public sealed class SqliteKnowledgeStore : IKnowledgeStore
{
    private const int CandidatesPerRanking = 50;

    private readonly string _connectionString;
    private readonly string _existingFileConnectionString;
    private readonly Lock _indexLock = new();
    private readonly Lazy<bool> _created;
    private readonly StoreReadCache _read = new();
    private readonly BackgroundLexicalIndex _lexical;
    private (string Generation, DenseIndex Index)? _dense;

    public SqliteKnowledgeStore(string path)
    {
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _existingFileConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        // PublicationOnly does not cache a failure: a file replaced after a failed open is tried again.
        _created = new Lazy<bool>(Create, LazyThreadSafetyMode.PublicationOnly);
        _lexical = new BackgroundLexicalIndex(OpenExisting);
    }

    public string FilePath { get; }

    public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var model = SqliteSchema.Meta(connection, "embedding_model", transaction);
            var stored = SqliteSchema.Meta(connection, "dimensions", transaction);
            if (model is null)
            {
                SqliteSchema.SetMeta(connection, transaction, "embedding_model", modelId);
                SqliteSchema.SetMeta(connection, transaction, "dimensions", dimensions.ToString(CultureInfo.InvariantCulture));
                transaction.Commit();
            }
            else if (model != modelId || stored != dimensions.ToString(CultureInfo.InvariantCulture))
            {
                throw new EmbeddingModelMismatchException(model, int.Parse(stored ?? "0", CultureInfo.InvariantCulture), modelId, dimensions);
            }
        });

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            var documents = Scalar(connection, "SELECT COUNT(*) FROM documents");
            var chunks = Scalar(connection, "SELECT COUNT(*) FROM chunks");
            var model = SqliteSchema.Meta(connection, "embedding_model");
            var dimensions = SqliteSchema.Meta(connection, "dimensions");
            return new StoreStatistics(documents, chunks, model, dimensions is null ? null : int.Parse(dimensions, CultureInfo.InvariantCulture));
        });

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, content_hash FROM documents";
            using var reader = command.ExecuteReader();
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read()) hashes[reader.GetString(0)] = reader.GetString(1);
            return (IReadOnlyDictionary<string, string>)hashes;
        });

    public Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            SqliteWrites.DeleteDocument(connection, transaction, document.Metadata.Id);
            SqliteWrites.InsertDocument(connection, transaction, document);
            SqliteSchema.BumpGeneration(connection, transaction);
            transaction.Commit();
        });

    public Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            if (documentIds.Count == 0) return;
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var id in documentIds) SqliteWrites.DeleteDocument(connection, transaction, id);
            SqliteSchema.BumpGeneration(connection, transaction);
            transaction.Commit();
        });

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            var generation = SqliteSchema.FileVersion(connection);
            var candidates = Math.Max(CandidatesPerRanking, query.TopK * 4);
            IReadOnlyList<(long RowId, float Score)> dense = query.Mode == SearchMode.Lexical || query.Vector.Length == 0
                ? [] : DenseIndexFor(connection, generation).Search(query.Vector, query.Filters, candidates);
            IReadOnlyList<(long RowId, float Score)> lexical = query.Mode == SearchMode.Dense ? []
                : _lexical.For(generation)?.Search(query.Text, query.Filters, candidates)
                  ?? SqliteLexicalSearch.Search(connection, query.Text, query.Filters, candidates);

            var fused = ReciprocalRankFusion.Fuse(dense.Select(d => d.RowId).ToList(), lexical.Select(l => l.RowId).ToList())
                .Take(query.TopK).ToList();
            var chunks = LoadChunks(connection, _read.At(generation), fused.Select(f => f.Key).ToList());
            var denseScores = dense.ToDictionary(d => d.RowId, d => d.Score);
            var lexicalScores = lexical.ToDictionary(l => l.RowId, l => l.Score);
            IReadOnlyList<RetrievedPassage> passages = fused
                .Where(f => chunks.ContainsKey(f.Key))
                .Select(f => new RetrievedPassage(chunks[f.Key], new PassageScores(
                    denseScores.TryGetValue(f.Key, out var d) ? d : null,
                    lexicalScores.TryGetValue(f.Key, out var l) ? l : null,
                    f.Score)))
                .ToList();
            return passages;
        });

    public Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            return SqliteCalibration.Read(connection);
        });

    public Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            SqliteCalibration.Write(connection, transaction, calibration);
            transaction.Commit();
        });

    public Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"{ChunkRows.Select} WHERE d.id = $id ORDER BY c.ordinal";
            command.Parameters.AddWithValue("$id", documentId);
            using var reader = command.ExecuteReader();
            var chunks = new List<Chunk>();
            while (reader.Read()) chunks.Add(ChunkRows.Read(reader).Chunk);
            return chunks.Count == 0 ? null : new StoredDocument(chunks[0].Document, chunks);
        });

    public Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken) =>
        SqliteFailures.Translate(() =>
        {
            using var connection = Open();
            var cache = _read.At(SqliteSchema.FileVersion(connection));
            var vectors = new Dictionary<string, float[][]>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var id in chunkIds)
            {
                if (cache.TryGet(id, out float[][] cached)) vectors[id] = cached;
                else missing.Add(id);
            }
            if (missing.Count == 0) return (IReadOnlyDictionary<string, float[][]>)vectors;
            var dimensions = int.Parse(SqliteSchema.Meta(connection, "dimensions") ?? "0", CultureInfo.InvariantCulture);
            if (dimensions == 0) return (IReadOnlyDictionary<string, float[][]>)vectors;
            using var command = connection.CreateCommand();
            var names = missing.Select((id, i) => (Name: $"$c{i}", Id: id)).ToList();
            command.CommandText = $"SELECT chunk_id, sentence_vectors FROM chunks WHERE chunk_id IN ({string.Join(',', names.Select(n => n.Name))})";
            foreach (var (name, id) in names) command.Parameters.AddWithValue(name, id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (id, read) = (reader.GetString(0), ChunkRows.UnpackVectors((byte[])reader[1], dimensions));
                vectors[id] = read;
                cache.Add(id, read);
            }
            return (IReadOnlyDictionary<string, float[][]>)vectors;
        });

    private static Dictionary<long, Chunk> LoadChunks(SqliteConnection connection, StoreReadCache.Generation cache, IReadOnlyList<long> rowIds)
    {
        var chunks = new Dictionary<long, Chunk>();
        var missing = new List<long>();
        foreach (var rowId in rowIds)
        {
            if (cache.TryGet(rowId, out Chunk cached)) chunks[rowId] = cached;
            else missing.Add(rowId);
        }
        if (missing.Count == 0) return chunks;
        using var command = connection.CreateCommand();
        command.CommandText = $"{ChunkRows.Select} WHERE c.rowid IN ({string.Join(',', missing)})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (rowId, chunk) = ChunkRows.Read(reader);
            chunks[rowId] = chunk;
            cache.Add(rowId, chunk);
        }
        return chunks;
    }

    private DenseIndex DenseIndexFor(SqliteConnection connection, string generation)
    {
        lock (_indexLock)
        {
            if (_dense is { } current && current.Generation == generation) return current.Index;
            var index = SqliteDenseIndexLoader.Load(connection);
            _dense = (generation, index);
            return index;
        }
    }

    private SqliteConnection Open()
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// For work that runs after the search that asked for it: a file deleted or moved meanwhile is an error here,
    /// never an empty file created in its place.
    /// </summary>
    internal SqliteConnection OpenExisting()
    {
        var connection = new SqliteConnection(_existingFileConnectionString);
        connection.Open();
        return connection;
    }

    private bool Create()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteSchema.Create(connection);
            return true;
        }
        catch (SqliteException)
        {
            // Pooled connections would keep the unreadable file open; the next attempt must open it afresh.
            SqliteConnection.ClearPool(connection);
            throw;
        }
    }

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
