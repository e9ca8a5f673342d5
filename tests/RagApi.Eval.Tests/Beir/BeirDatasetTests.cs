using RagApi.Eval.Beir;
using RagApi.Eval.Tests.Support;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Beir;

public sealed class BeirDatasetTests
{
    [Fact]
    public void Queries_without_judgements_are_dropped_and_zero_scores_are_not_relevant()
    {
        using var folder = new TempFolder();
        folder.Write("corpus.jsonl", """{"_id": "d1", "title": "", "text": "Abstract one."}""");
        folder.Write("queries.jsonl", "{\"_id\": \"q1\", \"text\": \"first?\"}\n{\"_id\": \"q2\", \"text\": \"unjudged?\"}\n");
        folder.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t0\n");

        var data = BeirDataset.Load(folder.Root, split: null);

        Assert.Equal((1, "q1", 1), (data.Queries.Count, data.Queries[0].Id, data.Qrels["q1"].Count));
    }
}
