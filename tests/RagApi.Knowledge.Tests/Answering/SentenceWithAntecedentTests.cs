namespace RagApi.Knowledge.Tests.Answering;

/// <summary>A sentence that leans on the one before it, over the seed corpus's DELTA-P paper.</summary>
public sealed class SentenceWithAntecedentTests(SeedCorpus corpus)
{
    private const string Question = "In which cohort was the DELTA-P score validated?";
    private const string Antecedent = "The prediction score was derived in a nationwide cohort of 107 Dutch patients with LEMS.";
    private const string Leaning = "It was then validated in a comparable cohort of 112 patients with LEMS from the United Kingdom.";

    [Fact]
    public async Task A_sentence_that_leans_on_the_one_before_is_offered_read_with_it()
    {
        var candidates = await corpus.CandidatesAsync(Question);

        Assert.Contains(candidates, c => c.Text == $"{Antecedent} {Leaning}" && !c.NeedsNeighbours);
    }

    [Fact]
    public async Task The_leaning_sentence_alone_is_still_marked_as_needing_its_neighbours()
    {
        var candidates = await corpus.CandidatesAsync(Question);

        Assert.True(Assert.Single(candidates, c => c.Text == Leaning).NeedsNeighbours);
    }

    [Fact]
    public async Task The_pair_quotes_both_sentences_verbatim_from_their_chunk()
    {
        var candidates = await corpus.CandidatesAsync(Question);

        var pair = Assert.Single(candidates, c => c.Text.EndsWith(Leaning, StringComparison.Ordinal) && c.Text.Length > Leaning.Length);
        Assert.Equal(pair.Text, pair.Span.Of(pair.Passage.Chunk.Text));
    }

    [Fact]
    public async Task A_sentence_pointing_past_the_one_before_is_not_read_with_it()
    {
        // "The other half" answers "About half ...", two sentences back; the sentence just before is about channels.
        var candidates = await corpus.CandidatesAsync("What antibodies cause Lambert-Eaton myasthenic syndrome?");

        Assert.DoesNotContain(candidates, c => c.Text.Contains(". The other half of patients", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sentence_naming_its_subject_only_by_kind_is_offered_read_with_the_sentence_that_names_it()
    {
        var candidates = await corpus.CandidatesAsync("What are the forms of ICU-acquired weakness?");

        Assert.Contains(candidates, c => !c.NeedsNeighbours && c.Text.StartsWith("ICU-acquired weakness is therefore", StringComparison.Ordinal)
            && c.Text.Contains(". The syndrome has three recognized forms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_item_that_continues_the_line_before_it_is_not_used_alone()
    {
        var candidates = await corpus.CandidatesAsync("Which items make up the DELTA-P score for small-cell lung cancer in LEMS?");

        Assert.True(Assert.Single(candidates, c => c.Text == "smoking at the time of diagnosis;").NeedsNeighbours);
    }
}
