using RagApi.Knowledge.Answering.Composing;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class StreamedTextTests
{
    [Fact]
    public void Append_PartOfALine_GivesNothingUntilTheLineEnds()
    {
        var text = new StreamedText();

        var lines = text.Append("- IVIg improves strength").Concat(text.Append(" in LEMS [2].\n- Pred")).ToList();

        Assert.Equal(["- IVIg improves strength in LEMS [2]."], lines);
    }

    [Fact]
    public void Append_InsideAThinkBlock_HoldsTheLinesBackAndDropsThem()
    {
        var text = new StreamedText();

        var lines = new[] { "<think>\nPassage 2 says IVIg [2].\n", "More thought.\n", "</think>\n- IVIg works [2].\n" }.SelectMany(text.Append).ToList();

        Assert.Equal(["- IVIg works [2]."], lines);
    }

    [Fact]
    public void End_AfterTheTokenLimit_DropsTheUnfinishedLine()
    {
        var text = new StreamedText();
        text.Append("- IVIg works [2].\n- Prednisone is added when");

        Assert.Empty(text.End(keepLastLine: false));
    }

    [Fact]
    public void End_AfterAStop_GivesTheLastLine()
    {
        var text = new StreamedText();
        text.Append("- IVIg works [2].\n- Prednisone is added [3].");

        Assert.Equal(["- Prednisone is added [3]."], text.End(keepLastLine: true));
    }
}
