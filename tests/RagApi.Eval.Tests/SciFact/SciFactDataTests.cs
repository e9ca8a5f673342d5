using RagApi.Eval.SciFact;
using RagApi.Eval.Tests.Support;
using RagApi.Testing;

namespace RagApi.Eval.Tests.SciFact;

public sealed class SciFactDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public SciFactDataTests()
    {
        _folder.Write("corpus.jsonl", """
            {"_id": "101", "title": "Calcium channels", "text": "VGCC antibodies cause LEMS. They reduce acetylcholine release. Amifampridine helps."}
            {"_id": "202", "title": "Statins", "text": "Statins can cause myalgia. Rhabdomyolysis is rare."}
            """);
        _folder.Write("queries.jsonl", """
            {"_id": "7", "text": "LEMS is caused by antibodies against calcium channels."}
            {"_id": "3", "text": "Statins never cause muscle pain."}
            {"_id": "9", "text": "A claim without evidence."}
            """);
        _folder.Write("qrels/train.tsv", "query-id\tcorpus-id\tscore\n7\t101\t1\n3\t202\t1\n");
        _folder.Write("sentences.jsonl", """
            {"_id": "101", "sentences": ["VGCC antibodies cause LEMS.", "They reduce acetylcholine release.", "Amifampridine helps."]}
            {"_id": "202", "sentences": ["Statins can cause myalgia.", "Rhabdomyolysis is rare."]}
            """);
        _folder.Write("rationales.jsonl", """
            {"query-id": "7", "corpus-id": "101", "label": "SUPPORT", "sentences": [0]}
            {"query-id": "7", "corpus-id": "101", "label": "SUPPORT", "sentences": [1, 0]}
            {"query-id": "3", "corpus-id": "202", "label": "CONTRADICT", "sentences": [0, 5]}
            """);
    }

    [Fact]
    public void Claims_with_evidence_are_read_in_claim_order_with_one_rationale_per_abstract()
    {
        var data = SciFactData.Load(_folder.Root);

        Assert.Equal(["3:202:CONTRADICT:1", "7:101:SUPPORT:2"],
            data.Claims.SelectMany(c => c.Rationales.Select(r => $"{c.Id}:{r.DocumentId}:{r.Label}:{r.Sentences.Count}")));
    }

    [Fact]
    public void Rationale_indexes_become_the_abstracts_sentences()
    {
        var claim = SciFactData.Load(_folder.Root).Claims.Single(c => c.Id == "7");

        Assert.Equal(["VGCC antibodies cause LEMS.", "They reduce acetylcholine release."], claim.Rationales[0].Sentences);
    }

    [Fact]
    public void An_index_past_the_abstracts_sentences_is_counted_not_guessed()
    {
        Assert.Equal(1, SciFactData.Load(_folder.Root).UnresolvedSentences);
    }

    [Fact]
    public void The_judged_claims_for_search_come_from_the_train_qrels()
    {
        Assert.Equal(["7", "3"], SciFactData.Load(_folder.Root).Beir.Queries.Select(q => q.Id));
    }

    [Fact]
    public void A_rationale_naming_an_unknown_abstract_names_the_file_and_line()
    {
        _folder.Write("rationales.jsonl", "{\"query-id\": \"7\", \"corpus-id\": \"101\", \"sentences\": [0]}\n{\"query-id\": \"7\", \"corpus-id\": \"999\", \"sentences\": [0]}\n");

        var error = Assert.Throws<InvalidDataException>(() => SciFactData.Load(_folder.Root));

        Assert.EndsWith("rationales.jsonl:2: abstract '999' is not in sentences.jsonl.", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_json_names_the_file_and_line()
    {
        _folder.Write("sentences.jsonl", "{\"_id\": \"101\", \"sentences\": []}\n{not json\n");

        var error = Assert.Throws<InvalidDataException>(() => SciFactData.Load(_folder.Root));

        Assert.Contains("sentences.jsonl:2:", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
