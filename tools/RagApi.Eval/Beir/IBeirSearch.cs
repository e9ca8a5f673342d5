namespace RagApi.Eval.Beir;

/// <summary>Where the BEIR queries are searched: the store in this process, or a running API's /v1/search.</summary>
internal interface IBeirSearch
{
    string Description { get; }

    Task<IReadOnlyList<BeirRanking>> RankAsync(string query, CancellationToken cancellationToken);
}
