using RagApi.Knowledge.Storage;

namespace RagApi.Eval.SciFact;

/// <summary>
/// A target that can rank documents in each search mode. An API ranks only as /v1/search does (hybrid), so the
/// SciFact runner asks the plain <see cref="Targets.IEvalTarget.SearchDocumentsAsync"/> for hybrid when a target is not this.
/// </summary>
public interface IModeSearch
{
    Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, SearchMode mode, int depth, CancellationToken cancellationToken);
}
