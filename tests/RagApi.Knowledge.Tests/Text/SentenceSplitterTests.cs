using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_KeepsAbbreviationsInsideTheSentence()
    {
        var text = "Antibodies, e.g. against VGCC, are found. Titulaer et al. reported it. Treatment follows.";

        var sentences = SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

        Assert.Equal(["Antibodies, e.g. against VGCC, are found.", "Titulaer et al. reported it.", "Treatment follows."], sentences);
    }
}
