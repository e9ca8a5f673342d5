using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// <see cref="SearchFilters"/> as a test on the document fields the in-memory indexes keep per row; a row without a
/// document (none should exist) passes only when nothing is filtered.
/// </summary>
internal readonly struct RowFilter(SearchFilters filters)
{
    private readonly IReadOnlyList<DocumentKind>? _kinds = filters.Kinds is { Count: > 0 } ? filters.Kinds : null;
    private readonly HashSet<string>? _documentIds = filters.DocumentIds is { Count: > 0 } ? new HashSet<string>(filters.DocumentIds, StringComparer.Ordinal) : null;
    private readonly int? _yearFrom = filters.YearFrom;

    public bool Admits(string? documentId, DocumentKind? kind, int? year) =>
        (_kinds is null || kind is { } k && _kinds.Contains(k)) &&
        (_documentIds is null || documentId is { } id && _documentIds.Contains(id)) &&
        (_yearFrom is not { } from || year >= from);
}
