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

/// <summary>The answer's shape: the lead, and statements grouped under their headings.</summary>
public sealed partial class AnswerAssemblerTests
{
    /// <summary>A composer's draft with a lead and headed statements, headings interleaved as a composer may leave them.</summary>
    // Built on use: static fields of another part of a partial class have no defined initialisation order.
    private static DraftAnswer LeadDraft => new DraftAnswer(
    [
        new DraftStatement("Repeat screening every 6 months for 2 years.", [Cite(Guideline, 2)], "Screening"),
        new DraftStatement("About half of patients with LEMS have SCLC.", [Cite(Research, 0)], "Associated cancers"),
        new DraftStatement("If CT is negative, FDG-PET is recommended.", [Cite(Guideline, 1)], "Imaging"),
        new DraftStatement("The DELTA-P score estimates the risk.", [Cite(Research, 2)], "Associated cancers"),
        new DraftStatement("Screen for SCLC with CT of the chest.", [Cite(Guideline, 0)], " Screening "),
    ], []) { Lead = new DraftStatement("SOX1 antibodies point to a tumour.", [Cite(Research, 1)]) };

    [Fact]
    public void Assemble_Lead_IsReturnedWithItsCitation()
    {
        var answer = Assemble(LeadDraft);

        Assert.Equal("SOX1 antibodies point to a tumour. [1]", $"{answer.Lead?.Text} {AnswerAssembler.Markers(answer.Lead?.Citations ?? [])}");
    }

    [Fact]
    public void Assemble_Lead_IsNumberedFirstEvenWhenItsSourceIsResearch()
    {
        var answer = Assemble(LeadDraft);

        Assert.Equal("SOX1 antibodies point to a tumour.", answer.Citations[0].Quote);
    }

    [Fact]
    public void Assemble_LeadParagraph_OpensTheMarkdownBeforeTheGuidelineSection()
    {
        var answer = Assemble(LeadDraft);

        Assert.StartsWith($"SOX1 antibodies point to a tumour. [1]\n\n### {SectionTitles.Guidelines}\n\n", answer.Answer);
    }

    [Fact]
    public void Assemble_LeadRepeatedAmongTheStatements_IsNotRepeated()
    {
        var draft = LeadDraft with { Statements = [.. LeadDraft.Statements, new DraftStatement("SOX1 antibodies point to a tumour.", [Cite(Research, 1)])] };

        var answer = Assemble(draft);

        Assert.DoesNotContain(answer.Sections.SelectMany(s => s.Statements), s => s.Text == "SOX1 antibodies point to a tumour.");
    }

    [Fact]
    public void Assemble_StatementsOfOneHeading_AreKeptTogetherInTheOrderTheirHeadingFirstAppeared()
    {
        var answer = Assemble(LeadDraft);

        Assert.Equal(["Screening", "Screening", "Imaging", "Associated cancers", "Associated cancers"],
            answer.Sections.SelectMany(s => s.Statements).Select(s => s.Heading));
    }

    [Fact]
    public void Assemble_CitationNumbers_FollowTheGroupedOrderAfterTheLead()
    {
        var answer = Assemble(LeadDraft);

        Assert.Equal([1, 2, 3, 4, 5, 6], MarkersIn(answer.Answer));
    }

    [Fact]
    public void Assemble_Markdown_PutsEachHeadingOnceAboveItsGroup()
    {
        var answer = Assemble(LeadDraft);

        Assert.Contains("### From the Guidelines\n\n#### Screening\n\n- Repeat screening every 6 months for 2 years. [2]\n- Screen for SCLC with CT of the chest. [3]\n\n#### Imaging\n\n- If CT is negative, FDG-PET is recommended. [4]\n\n### From the Research\n\n#### Associated cancers\n\n", answer.Answer);
    }

    [Fact]
    public void Assemble_StatementsWithoutHeadings_HaveNoSubHeadingInTheMarkdown()
    {
        var answer = Assemble(MixedDraft);

        Assert.DoesNotContain("####", answer.Answer);
    }

    [Fact]
    public void Assemble_StatementsWithoutHeadings_HaveANullHeading()
    {
        var answer = Assemble(MixedDraft);

        Assert.All(answer.Sections.SelectMany(s => s.Statements), s => Assert.Null(s.Heading));
    }

    [Fact]
    public void Assemble_DraftWithoutALead_HasNoLead()
    {
        Assert.Null(Assemble(MixedDraft).Lead);
    }

    [Fact]
    public void Assemble_LeadAlone_IsAnAnswerThatCitesIt()
    {
        var answer = Assemble(DraftAnswer.Empty with { Lead = LeadDraft.Lead });

        Assert.Equal((false, 1, 0), (answer.InsufficientEvidence, answer.Citations.Count, answer.Sections.Count));
    }

    [Fact]
    public void Assemble_LeadWithoutEvidence_IsDroppedAndTheAnswerIsInsufficientEvidence()
    {
        var answer = Assemble(DraftAnswer.Empty with { Lead = new DraftStatement("An unsupported claim.", []) });

        Assert.Equal((true, null), (answer.InsufficientEvidence, answer.Lead));
    }

    [Fact]
    public void Assemble_AnswerWithLeadAndHeadings_KeepsEveryContractRule()
    {
        var answer = Assemble(LeadDraft);
        var used = answer.Sections.SelectMany(s => s.Statements).Prepend(answer.Lead!).SelectMany(s => s.Citations).ToHashSet();

        Assert.True(answer.Citations.All(c => used.Contains(c.Number) && c.Passage.Contains(c.Quote, StringComparison.Ordinal))
                    && MarkersIn(answer.Answer).All(n => n >= 1 && n <= answer.Citations.Count));
    }
}
