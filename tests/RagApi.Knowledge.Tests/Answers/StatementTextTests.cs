using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Tests.Answers;

public sealed class StatementTextTests
{
    [Theory]
    [InlineData("VGCC antibodies are found in most patients [12].", "VGCC antibodies are found in most patients.")]
    [InlineData("Amifampridine helps [3, 4].", "Amifampridine helps.")]
    [InlineData("Amifampridine helps [3,4] in LEMS [5-7].", "Amifampridine helps in LEMS.")]
    [InlineData("Amifampridine helps [ 3 – 5 ].", "Amifampridine helps.")]
    [InlineData("[1] Amifampridine helps.", "Amifampridine helps.")]
    public void Clean_RemovesSourceReferenceMarkers(string sentence, string cleaned)
    {
        Assert.Equal(cleaned, StatementText.Clean(sentence));
    }

    [Theory]
    [InlineData("Class [A] evidence supports it.")]
    [InlineData("Doses of 10 mg (range 5-20) are used.")]
    public void Clean_KeepsBracketsThatAreNotReferenceMarkers(string sentence)
    {
        Assert.Equal(sentence, StatementText.Clean(sentence));
    }

    [Theory]
    [InlineData("Treatment")]
    [InlineData("Key points and summary")]
    [InlineData("Amifampridine")]
    public void IsStatement_HeadingLikeFragment_IsNot(string fragment)
    {
        Assert.False(StatementText.IsStatement(fragment));
    }

    [Fact]
    public void IsStatement_FullSentence_Is()
    {
        Assert.True(StatementText.IsStatement("Amifampridine is the preferred symptomatic drug."));
    }
}
