using RagApi.Knowledge.Storage;
using RagApi.Eval.Beir;
using RagApi.Eval.Targets;

namespace RagApi.Eval.Tests.Beir;

public sealed class BeirRankingTests
{
    [Fact]
    public void Hybrid_passages_re_ranked_by_dense_score_put_passages_without_one_last_and_each_document_once()
    {
        IReadOnlyList<SearchedPassage> passages =
        [
            new("a", "a#0", new PassageScores(null, 9f, 0.03f)),
            new("b", "b#0", new PassageScores(0.5f, 1f, 0.02f)),
            new("c", "c#0", new PassageScores(0.9f, null, 0.01f)),
            new("b", "b#1", new PassageScores(0.7f, null, 0.005f)),
        ];

        var rankings = BeirRanking.FromHybrid(passages, 12).ToDictionary(r => r.Name, r => string.Join(',', r.Documents));

        Assert.Equal(new Dictionary<string, string> { ["hybrid"] = "a,b,c", ["dense@hybrid"] = "c,b,a", ["lexical@hybrid"] = "a,b,c" }, rankings);
    }
}
