using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

public sealed class AnswersTests(SeedIndex index) : IAsyncDisposable
{
    private const string LemsQuestion = "What antibodies cause Lambert-Eaton myasthenic syndrome?";
    private const string ThymomaQuestion = "How is myasthenia gravis with thymoma managed?";
    private const string CachexiaQuestion = "What is cancer cachexia?";

    private readonly RagApiApplication _app = new(index);

    public static TheoryData<string> InScopeQuestions => [LemsQuestion, ThymomaQuestion, CachexiaQuestion];

    [Theory]
    [MemberData(nameof(InScopeQuestions))]
    public async Task An_in_scope_question_is_answered_with_evidence(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.False(answer.InsufficientEvidence);
    }

    [Theory]
    [MemberData(nameof(InScopeQuestions))]
    public async Task An_in_scope_answer_keeps_every_rule_of_the_answer_contract(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        AnswerContract.AssertHolds(answer);
    }

    [Theory]
    [MemberData(nameof(InScopeQuestions))]
    public async Task An_answer_without_history_echoes_the_question_as_its_standalone_question(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.Equal((question, question), (answer.Question, answer.StandaloneQuestion));
    }

    [Fact]
    public async Task The_default_answer_is_composed_extractively()
    {
        var answer = await _app.AnswerAsync(new { question = CachexiaQuestion });

        Assert.Equal("extractive", answer.Generator);
    }

    [Fact]
    public async Task Every_extractive_statement_is_the_verbatim_quote_it_cites_first()
    {
        var answer = await _app.AnswerAsync(new { question = ThymomaQuestion });

        Assert.All(answer.Sections.SelectMany(s => s.Statements),
            s => Assert.Contains(s.Text, answer.Citations[s.Citations[0] - 1].Quote, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_disclaimer_is_the_text_of_the_disclaimer_prompt()
    {
        var answer = await _app.AnswerAsync(new { question = LemsQuestion });

        Assert.Equal(SeedIndex.Disclaimer, answer.Disclaimer);
    }

    [Fact]
    public async Task The_lambert_eaton_answer_cites_a_lambert_eaton_document()
    {
        var answer = await _app.AnswerAsync(new { question = LemsQuestion });

        Assert.Contains(answer.Citations, c => c.DocumentId.StartsWith("lems-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lambert_eaton_answer_cites_a_passage_on_calcium_channel_antibodies()
    {
        var answer = await _app.AnswerAsync(new { question = LemsQuestion });

        Assert.Contains(answer.Citations, c => c.Passage.Contains("calcium channel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_lambert_eaton_answer_quotes_the_sentence_naming_the_antibodies()
    {
        var answer = await _app.AnswerAsync(new { question = LemsQuestion });

        Assert.Contains(answer.Citations, c => c.Quote.Contains("calcium channel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task No_statement_is_a_lead_in_that_ends_with_a_colon()
    {
        var answer = await _app.AnswerAsync(new { question = CachexiaQuestion, topK = 20 });

        Assert.DoesNotContain(answer.Sections.SelectMany(s => s.Statements), s => s.Text.EndsWith(':'));
    }

    [Fact]
    public async Task The_thymoma_answer_cites_a_myasthenia_gravis_or_thymic_tumour_document()
    {
        var answer = await _app.AnswerAsync(new { question = ThymomaQuestion });

        Assert.Contains(answer.Citations, c => c.DocumentId.Contains("myasthenia-gravis", StringComparison.Ordinal)
            || c.DocumentId.Contains("thym", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cachexia_answer_cites_a_cancer_cachexia_document()
    {
        var answer = await _app.AnswerAsync(new { question = CachexiaQuestion });

        Assert.Contains(answer.Citations, c => c.DocumentId.StartsWith("cancer-cachexia-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Citations_carry_the_metadata_of_the_documents_they_quote()
    {
        var answer = await _app.AnswerAsync(new { question = CachexiaQuestion });

        Assert.All(answer.Citations, c => Assert.True(
            c.Title.Length > 0 && c.Source.Length > 0 && c.Citation.Length > 0 && c.Url.StartsWith("https://", StringComparison.Ordinal)
            && c.Year is > 1900 && c.ChunkId.StartsWith(c.DocumentId + "#", StringComparison.Ordinal),
            $"Citation {c.Number} lacks metadata: {c}"));
    }

    [Fact]
    public async Task Each_answer_gets_its_own_id()
    {
        var first = await _app.AnswerAsync(new { question = CachexiaQuestion });
        var second = await _app.AnswerAsync(new { question = CachexiaQuestion });

        Assert.NotEqual(first.Id, second.Id);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
