using Microsoft.Extensions.Caching.Memory;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// Chunks (by row id) and sentence vectors (by chunk id) as last read from the file, for the store generation they
/// were read at: every answer reads the same passages again, and parsing their rows cost more than scoring them. A
/// write, from this process or an indexer beside it, bumps the generation, and the next read starts an empty cache.
/// Bounded by entries, least recently used out first; the values are immutable and shared by every reader.
/// </summary>
internal sealed class StoreReadCache
{
    /// <summary>Chunks and sentence-vector sets together; about 30 MB for abstract-sized chunks and MiniLM vectors.</summary>
    public const int Capacity = 8192;

    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };
    private readonly Lock _lock = new();
    private (string Generation, MemoryCache Entries)? _current;

    /// <summary>
    /// The cache of <paramref name="generation"/>. A stale cache is dropped, not disposed: a reader that took it a
    /// moment before may still be using it, and it holds no timer or handle.
    /// </summary>
    public Generation At(string generation)
    {
        lock (_lock)
        {
            if (_current is not { } current || current.Generation != generation)
                _current = current = (generation, new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity }));
            return new Generation(current.Entries);
        }
    }

    public readonly struct Generation(MemoryCache entries)
    {
        public bool TryGet<T>(object key, out T value) => entries.TryGetValue(key, out value!);

        public void Add<T>(object key, T value) => entries.Set(key, value, OneEntry);
    }
}
