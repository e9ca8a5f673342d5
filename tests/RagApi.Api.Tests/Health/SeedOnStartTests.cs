using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Health;

/// <summary>A service started on an empty store indexes its seed folder before it answers.</summary>
public sealed class SeedOnStartTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = CreateOnEmptyStore(index);

    private static RagApiApplication CreateOnEmptyStore(SeedIndex index)
    {
        var folder = index.NewScratchFolder();
        var seeds = Directory.CreateDirectory(System.IO.Path.Combine(folder, "seeds")).FullName;
        File.WriteAllText(System.IO.Path.Combine(seeds, "quokka-guideline.md"), """
            ---
            id: quokka-care-guideline-2022
            title: "Care of the captive quokka"
            kind: guideline
            source: "Society of Marsupial Keepers"
            year: 2022
            url: "https://example.org/quokka-care"
            citation: "Society of Marsupial Keepers. Care of the captive quokka. 2022."
            ---
            # Care of the captive quokka

            ## Feeding
            Captive quokkas should be fed native grasses and leafy browse every morning. Pellets formulated for macropods may supplement the browse but never replace it.
            """);
        File.WriteAllText(System.IO.Path.Combine(seeds, "quokka-research.md"), """
            ---
            id: quokka-heat-stress-study-2023
            title: "Heat stress in wild quokkas on Rottnest Island"
            kind: research
            source: "Journal of Marsupial Ecology"
            year: 2023
            url: "https://example.org/quokka-heat"
            citation: "Doe J. Heat stress in wild quokkas on Rottnest Island. J Marsupial Ecol. 2023;4:1-9."
            ---
            # Heat stress in wild quokkas

            ## Findings
            Wild quokkas sheltered under dense shrubs during summer afternoons to avoid heat stress. Quokkas without shrub shelter lost body condition over the dry season.
            """);
        return new RagApiApplication(index, storePath: System.IO.Path.Combine(folder, "empty.db"), seedsPath: seeds);
    }

    [Fact]
    public async Task A_service_on_an_empty_store_is_ready_after_indexing_its_seeds()
    {
        using var response = await _app.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_service_on_an_empty_store_serves_the_seed_documents_it_indexed()
    {
        using var response = await _app.GetAsync("/v1/documents/quokka-heat-stress-study-2023");

        Assert.Equal("Heat stress in wild quokkas on Rottnest Island", (await ApiJson.ReadOkAsync<ApiDocument>(response)).Title);
    }

    [Fact]
    public async Task A_service_on_an_empty_store_answers_from_the_seeds_it_indexed()
    {
        var answer = await _app.AnswerAsync(new { question = "What should captive quokkas be fed?" });

        Assert.Equal("quokka-care-guideline-2022", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task A_service_on_an_empty_store_indexes_only_its_seed_folder()
    {
        using var response = await _app.GetAsync("/v1/documents/lems-review-titulaer-2011");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
