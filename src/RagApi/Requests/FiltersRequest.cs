using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Requests;

/// <summary>Narrows retrieval to kinds of document, to given documents, or to documents from a year on.</summary>
public sealed record FiltersRequest(IReadOnlyList<string>? Kinds = null, IReadOnlyList<string>? SourceIds = null, int? YearFrom = null)
{
    public const int MaxSourceIds = 50;

    public async Task<SearchFilters> ValidateAsync(string prefix, RequestErrors errors, IKnowledgeStore store, CancellationToken cancellationToken)
    {
        var kinds = new List<DocumentKind>();
        for (var i = 0; i < (Kinds?.Count ?? 0); i++)
        {
            if (DocumentKinds.TryParse(Kinds![i], out var kind)) kinds.Add(kind);
            else errors.Add($"{prefix}.kinds[{i}]", $"Unknown kind '{Kinds[i]}'; use one of: {string.Join(", ", DocumentKinds.Names)}.");
        }
        if (SourceIds is { Count: > MaxSourceIds })
            errors.Add($"{prefix}.sourceIds", $"At most {MaxSourceIds} source ids may be given.");
        else
            for (var i = 0; i < (SourceIds?.Count ?? 0); i++)
                if (string.IsNullOrWhiteSpace(SourceIds![i]) || await store.GetDocumentAsync(SourceIds[i], cancellationToken) is null)
                    errors.Add($"{prefix}.sourceIds[{i}]", $"No indexed document has the id '{SourceIds[i]}'.");
        if (YearFrom is < 1800 or > 2200)
            errors.Add($"{prefix}.yearFrom", "yearFrom must be a four-digit year.");
        return new SearchFilters(kinds, SourceIds?.ToList(), YearFrom);
    }
}
