using System.Net;
using System.Text.Json;
using RagApi.Testing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagApi.Api.Tests.Answers;

/// <summary>
/// The contract for a citation of a PDF: it names the page the quoted sentence is printed on, and its url opens
/// the PDF at that page. The API seeds its own store from a folder holding one built PDF and its sidecar.
/// </summary>
public sealed class PdfCitationTests(SeedIndex index)
{
    private const string HeparinSentence = "Intravenous heparin is started for cerebral venous thrombosis once the diagnosis is confirmed by imaging.";

    private async Task<JsonElement> AskAsync(string question)
    {
        var folder = index.NewScratchFolder();
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        File.WriteAllBytes(Path.Combine(seeds, "cvt-guideline.pdf"), BuildPdf(
            ["Aspirin is given to patients with acute ischaemic stroke within 48 hours of onset."],
            [HeparinSentence, "Warfarin follows for three to twelve months after the acute phase."]));
        File.WriteAllText(Path.Combine(seeds, "cvt-guideline.yaml"),
            "id: cvt-guideline\ntitle: Cerebral venous thrombosis guideline\nkind: guideline\nsource: Test society\nyear: 2021\nurl: https://example.org/cvt.pdf\n");
        await using var app = new RagApiApplication(index, storePath: Path.Combine(folder, "store.db"), seedsPath: seeds);

        using var response = await app.PostAsync("/v1/answers", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }

    private static JsonElement CitationQuoting(JsonElement answer, string sentence) =>
        Assert.Single(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString() == sentence);

    [Fact]
    public async Task A_citation_of_a_pdf_names_the_page_of_its_quote()
    {
        var answer = await AskAsync("When is heparin started for cerebral venous thrombosis?");

        Assert.Equal(2, CitationQuoting(answer, HeparinSentence).GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task A_citation_of_a_pdf_links_to_its_page()
    {
        var answer = await AskAsync("When is heparin started for cerebral venous thrombosis?");

        Assert.Equal("https://example.org/cvt.pdf#page=2", CitationQuoting(answer, HeparinSentence).GetProperty("url").GetString());
    }

    private static byte[] BuildPdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 700.0;
            foreach (var line in lines)
            {
                page.AddText(line, 10, new PdfPoint(50, y), font);
                y -= 40;
            }
        }
        return builder.Build();
    }
}
