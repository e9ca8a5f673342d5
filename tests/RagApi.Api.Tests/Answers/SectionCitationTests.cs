using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>
/// The contract for a citation of a web page read with its own headings: its url opens the cited section, by the
/// heading's id or by a text fragment of the heading. The API seeds its own store from a folder holding the page.
/// </summary>
public sealed class SectionCitationTests(SeedIndex index)
{
    private const string HeparinSentence = "Intravenous heparin is started for cerebral venous thrombosis once the diagnosis is confirmed by imaging.";
    private const string WarfarinSentence = "Warfarin follows for three to twelve months after the acute phase of cerebral venous thrombosis.";

    private async Task<ApiAnswer> AskAsync(string question)
    {
        var folder = index.NewScratchFolder();
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "cvt.html"), $"""
            <html><head><title>CVT guideline</title></head><body><nav><a href="/">Home</a></nav>
            <main><h1>Cerebral venous thrombosis guideline</h1>
            <h2 id="acute-treatment">Acute treatment</h2><p>{HeparinSentence}</p>
            <h2>Secondary prevention &amp; follow-up</h2><p>{WarfarinSentence}</p></main></body></html>
            """);
        File.WriteAllText(Path.Combine(seeds, "cvt.yaml"),
            "id: cvt-guideline\nkind: guideline\nsource: Test society\nyear: 2021\nurl: https://example.org/cvt\n");
        await using var app = new RagApiApplication(index, storePath: Path.Combine(folder, "store.db"), seedsPath: seeds);

        using var response = await app.PostAsync("/v1/answers", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiJson.ReadAsync<ApiAnswer>(response);
    }

    private static ApiCitation CitationQuoting(ApiAnswer answer, string sentence) =>
        Assert.Single(answer.Citations, c => c.Quote == sentence);

    [Fact]
    public async Task A_citation_of_a_web_page_section_with_an_id_links_to_that_id()
    {
        var answer = await AskAsync("When is heparin started for cerebral venous thrombosis?");

        Assert.Equal("https://example.org/cvt#acute-treatment", CitationQuoting(answer, HeparinSentence).Url);
    }

    [Fact]
    public async Task A_citation_of_a_web_page_section_without_an_id_links_to_its_heading_text()
    {
        var answer = await AskAsync("How long does warfarin follow after cerebral venous thrombosis?");

        Assert.Equal("https://example.org/cvt#:~:text=Secondary%20prevention%20%26%20follow%2Dup", CitationQuoting(answer, WarfarinSentence).Url);
    }

    [Fact]
    public async Task A_web_page_answer_keeps_every_rule_of_the_answer_contract()
    {
        var answer = await AskAsync("How is cerebral venous thrombosis treated?");

        Assert.NotEmpty(answer.Citations); // the url rules hold only if something is cited
        AnswerContract.AssertHolds(answer);
    }
}
