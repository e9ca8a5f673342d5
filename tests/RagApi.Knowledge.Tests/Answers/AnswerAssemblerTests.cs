using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Answers;

public sealed partial class AnswerAssemblerTests
{
    private static readonly AnswerTexts Texts = new("Check every statement against its source.", "The sources do not answer this question.");
    private static readonly AnswerAssembler Assembler = new(Texts);

    private static readonly RetrievedPassage Guideline = Passage("efns", DocumentKind.Guideline,
        "Screen for SCLC with CT of the chest. If CT is negative, FDG-PET is recommended. Repeat screening every 6 months for 2 years.");

    private static readonly RetrievedPassage Research = Passage("titulaer", DocumentKind.Research,
        "About half of patients with LEMS have SCLC. SOX1 antibodies point to a tumour. The DELTA-P score estimates the risk.");

    private static RetrievedPassage Passage(string id, DocumentKind kind, string text)
    {
        var metadata = new DocumentMetadata(id, $"Title of {id}", kind, "Journal", 2011, $"https://example.org/{id}", $"Author A. Title of {id}. Journal 2011.");
        return new RetrievedPassage(new Chunk(Chunk.IdFor(id, 0), 0, $"Title of {id} > Section", text, SentenceSplitter.Split(text), metadata), new PassageScores(0.8f, 3f, 0.03f));
    }

    private static Evidence Cite(RetrievedPassage passage, int sentence) => new(passage, passage.Chunk.Sentences[sentence], 0.7f);

    /// <summary>Research first in draft order, guideline sentences cited repeatedly and across sections.</summary>
    private static readonly DraftAnswer MixedDraft = new(
    [
        new DraftStatement("About half of patients with LEMS have SCLC.", [Cite(Research, 0), Cite(Guideline, 1)]),
        new DraftStatement("Screen for SCLC with CT of the chest.", [Cite(Guideline, 0)]),
        new DraftStatement("SOX1 antibodies point to a tumour.", [Cite(Research, 0), Cite(Research, 1)]),
        new DraftStatement("If CT is negative, FDG-PET is recommended.", [Cite(Guideline, 1), Cite(Guideline, 0), Cite(Guideline, 1)]),
    ], ["What does \"Title of efns\" say about follow-up?"]);

    private static ClinicalAnswer Assemble(DraftAnswer draft) => Assembler.Assemble("ans_1", "Question?", "Standalone question?", Generators.Extractive, draft);

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    private static List<int> MarkersIn(string markdown) => Marker().Matches(markdown).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public void Assemble_Citations_AreNumberedOneToNWithoutGaps()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));
    }

    [Fact]
    public void Assemble_SameSentenceCitedTwice_GetsOneCitation()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal(4, answer.Citations.Count);
    }

    [Fact]
    public void Assemble_CitationNumbers_FollowTheirFirstAppearanceInTheAnswer()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal([1, 2, 3, 4], MarkersIn(answer.Answer).Distinct());
    }

    [Fact]
    public void Assemble_EveryMarkerInTheAnswer_ResolvesToACitation()
    {
        var answer = Assemble(MixedDraft);

        Assert.All(MarkersIn(answer.Answer), n => Assert.Contains(n, answer.Citations.Select(c => c.Number)));
    }

    [Fact]
    public void Assemble_EveryCitation_IsUsedInTheAnswer()
    {
        var answer = Assemble(MixedDraft);

        Assert.All(answer.Citations, c => Assert.Contains(c.Number, MarkersIn(answer.Answer)));
    }

    [Fact]
    public void Assemble_EveryCitation_IsUsedByAStatement()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal(answer.Citations.Select(c => c.Number), answer.Sections.SelectMany(s => s.Statements).SelectMany(s => s.Citations).Distinct().Order());
    }

    [Fact]
    public void Assemble_EveryQuote_IsAVerbatimSubstringOfItsPassage()
    {
        var answer = Assemble(MixedDraft);

        Assert.All(answer.Citations, c => Assert.Contains(c.Quote, c.Passage));
    }

    [Fact]
    public void Assemble_Citation_QuotesTheEvidenceSentenceOfItsChunk()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal(
            [("efns#000", "Screen for SCLC with CT of the chest."), ("efns#000", "If CT is negative, FDG-PET is recommended."),
             ("titulaer#000", "About half of patients with LEMS have SCLC."), ("titulaer#000", "SOX1 antibodies point to a tumour.")],
            answer.Citations.Select(c => (c.ChunkId, c.Quote)));
    }

    [Fact]
    public void Assemble_GuidelineSection_ComesBeforeResearch()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal([SectionTitles.Guidelines, SectionTitles.Research], answer.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Assemble_Markdown_HasTheGuidelineHeadingBeforeTheResearchHeading()
    {
        var answer = Assemble(MixedDraft);

        Assert.True(answer.Answer.IndexOf($"### {SectionTitles.Guidelines}", StringComparison.Ordinal) is >= 0 and var guidelines &&
                    answer.Answer.IndexOf($"### {SectionTitles.Research}", StringComparison.Ordinal) > guidelines);
    }

    [Fact]
    public void Assemble_Statement_IsAListItemFollowedByItsMarkers()
    {
        var answer = Assemble(MixedDraft);

        Assert.Contains("- If CT is negative, FDG-PET is recommended. [2][1]\n", answer.Answer);
    }

    [Fact]
    public void Assemble_OnlyResearchEvidence_HasOnlyTheResearchSection()
    {
        var answer = Assemble(new DraftAnswer([new DraftStatement("SOX1 antibodies point to a tumour.", [Cite(Research, 1)])], []));

        Assert.Equal([SectionTitles.Research], answer.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Assemble_References_ListEachCitationWithItsUrl()
    {
        var answer = Assemble(MixedDraft);

        Assert.Matches(@"### References\n\n1\. Author A\. Title of efns\. Journal 2011\.( Section: [^\n]*\.)? <https://example\.org/efns>\n2\. ", answer.Answer);
    }

    [Fact]
    public void Assemble_ReferenceWithoutCitationText_FallsBackToTitleSourceAndYear()
    {
        var bare = new RetrievedPassage(Research.Chunk with { Document = Research.Chunk.Document with { Citation = "", Url = "" } }, Research.Scores);

        var answer = Assemble(new DraftAnswer([new DraftStatement("SOX1 antibodies point to a tumour.", [Cite(bare, 1)])], []));

        Assert.Matches(@"\n1\. Title of titulaer\. Journal 2011( Section: [^\n]*\.)?\n", answer.Answer);
    }

    [Fact]
    public void Assemble_Answer_EndsWithTheDisclaimerText()
    {
        var answer = Assemble(MixedDraft);

        Assert.EndsWith($"**Professional medical disclaimer.** {Texts.Disclaimer}", answer.Answer);
    }

    [Fact]
    public void Assemble_KeepsTheDraftsFollowUpQuestions()
    {
        var answer = Assemble(MixedDraft);

        Assert.Equal(MixedDraft.FollowUpQuestions, answer.FollowUpQuestions);
    }

    [Fact]
    public void Assemble_EmptyDraft_IsInsufficientEvidenceWithNoCitations()
    {
        var answer = Assemble(DraftAnswer.Empty);

        Assert.Equal((true, 0, 0), (answer.InsufficientEvidence, answer.Citations.Count, answer.Sections.Count));
    }

    [Fact]
    public void Assemble_EmptyDraft_SaysSoAndEndsWithTheDisclaimer()
    {
        var answer = Assemble(DraftAnswer.Empty);

        Assert.Equal($"{Texts.InsufficientEvidence}\n\n---\n\n**Professional medical disclaimer.** {Texts.Disclaimer}", answer.Answer);
    }

    [Fact]
    public void Assemble_Draft_IsNotInsufficientEvidence()
    {
        Assert.False(Assemble(MixedDraft).InsufficientEvidence);
    }

    [Fact]
    public void Assemble_DraftWhoseStatementsHaveNoEvidence_IsInsufficientEvidence()
    {
        var answer = Assemble(new DraftAnswer([new DraftStatement("An unsupported claim.", [])], []));

        Assert.True(answer.InsufficientEvidence);
    }
}
