using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class ModelReplyParserTests
{
    [Fact]
    public void Parse_BulletWithMarker_GivesTheStatementWithoutTheMarker()
    {
        var reply = ModelReplyParser.Parse("- 3,4-diaminopyridine improves strength in LEMS [2].");

        Assert.Equal(new ParsedStatement("3,4-diaminopyridine improves strength in LEMS.", [2]), reply.Statements.Single(), StatementComparer.Instance);
    }

    [Fact]
    public void Parse_MarkerAfterTheFullStop_StaysWithItsSentence()
    {
        var reply = ModelReplyParser.Parse("IVIg improves strength in LEMS. [3] Prednisone is used when weakness persists. [1][4]");

        Assert.Equal([[3], [1, 4]], reply.Statements.Select(s => s.Numbers.ToArray()));
    }

    [Fact]
    public void Parse_CommaSeparatedMarkers_AreEachCited()
    {
        var reply = ModelReplyParser.Parse("LEMS is associated with small-cell lung cancer [1, 3].");

        Assert.Equal([1, 3], reply.Statements.Single().Numbers);
    }

    [Fact]
    public void Parse_StatementWithoutMarkers_HasNoNumbers()
    {
        var reply = ModelReplyParser.Parse("LEMS is associated with small-cell lung cancer.");

        Assert.Empty(reply.Statements.Single().Numbers);
    }

    [Fact]
    public void Parse_FollowUpLines_AreFollowUpQuestionsNotStatements()
    {
        var reply = ModelReplyParser.Parse("- A statement about LEMS [1].\nFOLLOW-UP: How is LEMS diagnosed?\nfollow-up: What dose is used?");

        Assert.Equal((1, 2), (reply.Statements.Count, reply.FollowUpQuestions.Count));
    }

    [Fact]
    public void Parse_InsufficientEvidenceLine_IsInsufficientWithNoStatements()
    {
        var reply = ModelReplyParser.Parse("INSUFFICIENT EVIDENCE");

        Assert.Equal((true, 0), (reply.InsufficientEvidence, reply.Statements.Count));
    }

    [Fact]
    public void Parse_HeadingsAreIgnored()
    {
        var reply = ModelReplyParser.Parse("## From the Guidelines\n- Treat the tumour first [1].");

        Assert.Equal("Treat the tumour first.", reply.Statements.Single().Text);
    }

    // Format drift seen from real models (issue 11): each must give the right statements and citations.
    [Theory]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [1, 2].", new[] { 1, 2 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [1-3].", new[] { 1, 2, 3 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [1][2].", new[] { 1, 2 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine 【1】.", new[] { 1 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine (1).", new[] { 1 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine^1.", new[] { 1 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [^1].", new[] { 1 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [Passage 1].", new[] { 1 })]
    [InlineData("LEMS is treated with 3,4-diaminopyridine [Passages 1 and 3].", new[] { 1, 3 })]
    public void Parse_CitationStyle_GivesTheCitedNumbersAndCleanText(string line, int[] numbers)
    {
        var statement = ModelReplyParser.Parse(line).Statements.Single();

        Assert.Equal(("LEMS is treated with 3,4-diaminopyridine.", string.Join(",", numbers)), (statement.Text, string.Join(",", statement.Numbers)));
    }

    [Fact]
    public void Parse_TenDigitBracketedNumber_IsOutOfRangeNotAFailure()
    {
        var reply = ModelReplyParser.Parse("- IVIg improves strength in LEMS [9876543210].\n- Prednisone is used [2].");

        Assert.Equal([[CitationMarkers.OutOfRange], [2]], reply.Statements.Select(s => s.Numbers.ToArray()));
    }

    [Fact]
    public void Parse_AnEnumerationInParentheses_IsNotACitation()
    {
        var reply = ModelReplyParser.Parse("Two options exist: (1) IVIg and (2) plasma exchange [4].");

        Assert.Equal(("4", true), (string.Join(",", reply.Statements.Single().Numbers), reply.Statements.Single().Text.Contains("(1) IVIg")));
    }

    [Fact]
    public void Parse_Preamble_IsNotAStatement()
    {
        var reply = ModelReplyParser.Parse("Based on the provided passages, here is what is known:\n\n- IVIg improves strength in LEMS [2].");

        Assert.Equal(["IVIg improves strength in LEMS."], reply.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Parse_ReasonAfterInsufficientEvidence_IsNotAStatement()
    {
        var reply = ModelReplyParser.Parse("INSUFFICIENT EVIDENCE\nThe passages discuss myasthenia gravis [1] but not its cost.");

        Assert.Equal((true, 0), (reply.InsufficientEvidence, reply.Statements.Count));
    }

    [Fact]
    public void Parse_ReasonOnTheInsufficientEvidenceLine_IsNotAStatement()
    {
        var reply = ModelReplyParser.Parse("**INSUFFICIENT EVIDENCE**: the passages do not mention paediatric dosing.");

        Assert.Equal((true, 0), (reply.InsufficientEvidence, reply.Statements.Count));
    }

    [Theory]
    [InlineData("**FOLLOW-UP:** How is LEMS diagnosed?")]
    [InlineData("- FOLLOW-UP: How is LEMS diagnosed?")]
    [InlineData("Follow-up: How is LEMS diagnosed?")]
    [InlineData("* **Follow-up question:** How is LEMS diagnosed?")]
    public void Parse_FollowUpLineInAnyStyle_IsAFollowUpQuestion(string line)
    {
        var reply = ModelReplyParser.Parse($"- IVIg improves strength in LEMS [2].\n{line}");

        Assert.Equal((1, "How is LEMS diagnosed?"), (reply.Statements.Count, reply.FollowUpQuestions.Single()));
    }

    [Fact]
    public void Parse_ThinkBlock_IsNotAStatement()
    {
        var reply = ModelReplyParser.Parse("<think>\nThe user asks about LEMS. Passage 2 says IVIg works [2].\n</think>\n\n- IVIg improves strength in LEMS [2].");

        Assert.Equal(["IVIg improves strength in LEMS."], reply.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Parse_ClosingThinkTagWithoutOpening_DropsTheThinkingBeforeIt()
    {
        var reply = ModelReplyParser.Parse("Passage 2 mentions IVIg, so I cite it [2].\n</think>\n- IVIg improves strength in LEMS [2].");

        Assert.Equal(["IVIg improves strength in LEMS."], reply.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Parse_CutByTheTokenLimit_DropsTheUnfinishedStatement()
    {
        var reply = ModelReplyParser.Parse("- IVIg improves strength in LEMS [2].\n- Prednisone is added when weak", ModelFinish.Length);

        Assert.Equal(["IVIg improves strength in LEMS."], reply.Statements.Select(s => s.Text));
    }

    private sealed class StatementComparer : IEqualityComparer<ParsedStatement>
    {
        public static readonly StatementComparer Instance = new();

        public bool Equals(ParsedStatement? x, ParsedStatement? y) => x!.Text == y!.Text && x.Numbers.SequenceEqual(y.Numbers);

        public int GetHashCode(ParsedStatement obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
