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

    private sealed class StatementComparer : IEqualityComparer<ParsedStatement>
    {
        public static readonly StatementComparer Instance = new();

        public bool Equals(ParsedStatement? x, ParsedStatement? y) => x!.Text == y!.Text && x.Numbers.SequenceEqual(y.Numbers);

        public int GetHashCode(ParsedStatement obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
