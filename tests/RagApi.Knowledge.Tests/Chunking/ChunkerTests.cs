using System.Text.RegularExpressions;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Chunking;

public sealed partial class ChunkerTests
{
    private static readonly ChunkerOptions Small = new() { MaxTokens = 40, TargetTokens = 24, OverlapSentences = 1 };
    private readonly FakeEmbedder _tokens = new();

    /// <summary>"Alpha alpha1 alpha2 ... ." with <paramref name="words"/> words, so every word names its origin.</summary>
    private static string Sentence(string marker, int index, int words) =>
        $"{char.ToUpperInvariant(marker[0])}{marker[1..]}{index} " +
        string.Join(' ', Enumerable.Range(1, words - 1).Select(i => $"{marker}{index}w{i}")) + ".";

    private static string Prose(string marker, int sentences, int words) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(i => Sentence(marker, i, words)));

    private IReadOnlyList<Chunk> Chunk(string body, ChunkerOptions? options = null, string title = "Doc") =>
        new Chunker(_tokens, options ?? Small).Chunk(TestDocuments.Source("doc", body, title: title));

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex MarkerOfWord();

    private static string[] MarkersIn(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => MarkerOfWord().Match(w).Value.ToLowerInvariant()).Distinct().ToArray();

    [Theory]
    [InlineData("Give **amifampridine** first.", "Give amifampridine first.")]
    [InlineData("See [the guideline](https://example.org/g) on it.", "See the guideline on it.")]
    [InlineData("The call window.__xss stays as written.", "The call window.__xss stays as written.")]
    public void Chunk_MarkdownEmphasisAndLinks_AreReducedToTheirTextButUnpairedUnderscoresStay(string line, string text)
    {
        var chunk = Chunk($"## Alpha\n\n{line}\n", new ChunkerOptions()).Single();

        Assert.Equal(text, chunk.Text);
    }

    [Fact]
    public void Chunk_NeverCrossesAHeading()
    {
        var chunks = Chunk($"## Alpha\n\n{Prose("alpha", 7, 5)}\n\n## Beta\n\n{Prose("beta", 7, 5)}\n");

        Assert.All(chunks, c => Assert.Equal([c.SectionPath == "Doc > Alpha" ? "alpha" : "beta"], MarkersIn(c.Text)));
    }

    [Fact]
    public void Chunk_FirstChunkOfASection_DoesNotRepeatTheLastSentenceOfThePreviousSection()
    {
        var chunks = Chunk($"## Alpha\n\n{Prose("alpha", 5, 4)}\n\n## Beta\n\n{Prose("beta", 5, 4)}\n");

        var firstOfBeta = chunks.First(c => c.SectionPath == "Doc > Beta");
        Assert.StartsWith("Beta0 ", firstOfBeta.Text);
    }

    [Theory]
    [InlineData("Text before any heading.", "LEMS")]
    [InlineData("## Treatment\n\nAmifampridine helps.", "LEMS > Treatment")]
    [InlineData("## Treatment\n\n### Symptomatic\n\nAmifampridine helps.", "LEMS > Treatment > Symptomatic")]
    [InlineData("# LEMS\n\n## Treatment\n\nAmifampridine helps.", "LEMS > Treatment")]
    [InlineData("# Overview\n\n## Treatment\n\nAmifampridine helps.", "LEMS > Overview > Treatment")]
    [InlineData("## Diagnosis\n\n## Treatment ##\n\nAmifampridine helps.", "LEMS > Treatment")]
    [InlineData("## **Treatment** of `LEMS`\n\nAmifampridine helps.", "LEMS > Treatment of LEMS")]
    public void Chunk_SectionPath_IsTheTitleFollowedByTheEnclosingHeadings(string body, string sectionPath)
    {
        var chunk = Assert.Single(Chunk(body, title: "LEMS"));

        Assert.Equal(sectionPath, chunk.SectionPath);
    }

    [Fact]
    public void Chunk_SiblingHeading_ReplacesThePreviousHeadingOfTheSameLevel()
    {
        var chunks = Chunk("## Diagnosis\n\n### Serology\n\nVGCC antibodies.\n\n## Treatment\n\nAmifampridine helps.");

        Assert.Equal(["Doc > Diagnosis > Serology", "Doc > Treatment"], chunks.Select(c => c.SectionPath));
    }

    [Fact]
    public void Chunk_IndexText_IsTheSectionPathThenTheText()
    {
        var chunk = Assert.Single(Chunk("## Treatment\n\nAmifampridine helps."));

        Assert.Equal("Doc > Treatment\nAmifampridine helps.", chunk.IndexText);
    }

    [Fact]
    public void Chunk_EveryIndexText_FitsMaxTokens()
    {
        var body = $"## Short\n\n{Prose("short", 12, 6)}\n\n## Mixed\n\n{Sentence("tiny", 0, 3)} {Sentence("long", 1, 90)} {Sentence("mid", 2, 20)}\n\n{Prose("para", 4, 15)}";

        var chunks = Chunk(body);

        Assert.All(chunks, c => Assert.InRange(_tokens.CountTokens(c.IndexText), 3, Small.MaxTokens));
    }

    [Fact]
    public void Chunk_SentenceLongerThanTheWindow_IsSplitIntoSeveralChunks()
    {
        var chunks = Chunk(Sentence("long", 0, 100), Small with { OverlapSentences = 0 });

        Assert.True(chunks.Count >= 3, $"expected the 100-word sentence to be split, got {chunks.Count} chunk(s)");
    }

    [Fact]
    public void Chunk_SentenceLongerThanTheWindow_KeepsEveryWordInOrder()
    {
        var sentence = Sentence("long", 0, 100);

        var chunks = Chunk(sentence, Small with { OverlapSentences = 0 });

        Assert.Equal(sentence.Split(' '), chunks.SelectMany(c => c.Text.Split(' ')));
    }

    [Fact]
    public void Chunk_ConsecutiveChunksOfASection_OverlapByTheLastSentenceWhenItIsShort()
    {
        var chunks = Chunk($"## Alpha\n\n{Prose("alpha", 20, 4)}", new ChunkerOptions { MaxTokens = 60, TargetTokens = 36 });
        Assert.True(chunks.Count >= 3, $"expected several chunks, got {chunks.Count}");

        var pairs = chunks.Zip(chunks.Skip(1), (previous, next) => (Last: previous.Sentence(previous.Sentences.Count - 1), First: next.Sentence(0)));

        Assert.All(pairs, p => Assert.Equal(p.Last, p.First));
    }

    [Fact]
    public void Chunk_LongLastSentence_IsNotRepeatedInTheNextChunk()
    {
        var sentences = Enumerable.Range(0, 6).Select(i => Sentence("mid", i, 10)).ToList();

        var chunks = Chunk(string.Join(' ', sentences));

        Assert.Equal(sentences, chunks.SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))));
    }

    [Fact]
    public void Chunk_WithoutOverlap_EverySentenceAppearsExactlyOnce()
    {
        var sentences = Enumerable.Range(0, 12).Select(i => Sentence("short", i, 4)).ToList();

        var chunks = Chunk(string.Join(' ', sentences), Small with { OverlapSentences = 0 });

        Assert.Equal(sentences, chunks.SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))));
    }

    [Fact]
    public void Chunk_EveryChunkAfterTheFirst_AddsASentenceThePreviousChunkDidNotHave()
    {
        var body = $"{Sentence("lead", 0, 18)} {Sentence("tail", 1, 3)} {Sentence("big", 2, 22)}";

        var chunks = Chunk(body);

        var pairs = chunks.Zip(chunks.Skip(1), (previous, next) => (Previous: previous, Next: next));
        Assert.All(pairs, p => Assert.Contains(p.Next.Sentences, s => !p.Previous.Text.Contains(s.Of(p.Next.Text))));
    }

    [Fact]
    public void Chunk_EverySentenceSpan_CutsASentenceOfTheSourceOutOfTheChunkText()
    {
        var sentences = new[] { "LEMS is rare.", "It causes weakness (mostly proximal.)", "Is SCLC present?", "Screen with CT, e.g. every 6 months." };
        var body = $"## Alpha\n\n{string.Join(' ', sentences.Take(2))}\n\n{string.Join(' ', sentences.Skip(2))}";

        var chunks = Chunk(body, Small with { TargetTokens = 12, MaxTokens = 20 });

        Assert.All(chunks.SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))), s => Assert.Contains(s, sentences));
    }

    [Fact]
    public void Chunk_SentenceSpans_LeaveOnlySeparatorsBetweenThem()
    {
        var chunks = Chunk($"{Prose("one", 3, 4)}\n\n{Prose("two", 3, 4)}\n\n- {Sentence("item", 0, 3)}\n- {Sentence("item", 1, 3)}");

        var gaps = chunks.SelectMany(c => c.Sentences.Skip(1).Select((s, i) => c.Text[c.Sentences[i].End..s.Start]));
        Assert.All(gaps, gap => Assert.Contains(gap, new[] { " ", "\n\n" }));
    }

    [Fact]
    public void Chunk_Paragraphs_AreSeparatedByABlankLineInsideAChunk()
    {
        var chunk = Assert.Single(Chunk("First one. First two.\n\nSecond one."));

        Assert.Equal("First one. First two.\n\nSecond one.", chunk.Text);
    }

    [Fact]
    public void Chunk_LinesOfOneParagraph_AreJoinedWithASpace()
    {
        var chunk = Assert.Single(Chunk("Weakness starts\nin the legs."));

        Assert.Equal("Weakness starts in the legs.", chunk.Text);
    }

    [Fact]
    public void Chunk_ListItems_BecomeParagraphsWithoutTheirMarkers()
    {
        var chunk = Assert.Single(Chunk("Options:\n- Amifampridine.\n* IVIg.\n1. Prednisone."));

        Assert.Equal("Options:\n\nAmifampridine.\n\nIVIg.\n\nPrednisone.", chunk.Text);
    }

    [Fact]
    public void Chunk_InlineMarkup_IsRemovedAndLinkTextKept()
    {
        var chunk = Assert.Single(Chunk("Use **amifampridine** (`3,4-DAP`), see [the review](https://example.org/review)."));

        Assert.Equal("Use amifampridine (3,4-DAP), see the review.", chunk.Text);
    }

    [Fact]
    public void Chunk_Ids_NumberTheChunksOfTheDocumentInOrder()
    {
        var chunks = Chunk($"## Alpha\n\n{Prose("alpha", 6, 5)}\n\n## Beta\n\n{Prose("beta", 6, 5)}");

        Assert.Equal(Enumerable.Range(0, chunks.Count).Select(i => ($"doc#{i:D3}", i)), chunks.Select(c => (c.ChunkId, c.Ordinal)));
    }

    [Fact]
    public void Chunk_CarriesTheDocumentMetadata()
    {
        var document = TestDocuments.Source("doc", "Some text.", year: 2011);

        var chunk = Assert.Single(new Chunker(_tokens, Small).Chunk(document));

        Assert.Equal(DocumentMetadata.Of(document), chunk.Document);
    }
}
