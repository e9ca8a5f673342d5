using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Terms_RemovesStopWords()
    {
        var terms = TextAnalyzer.Terms("What is the treatment of the syndrome and how should it be given?");

        Assert.Equal(["treatment", "syndrome", "given"], terms);
    }

    [Fact]
    public void Terms_LowerCasesAndSplitsOnPunctuation()
    {
        var terms = TextAnalyzer.Terms("Lambert-Eaton (VGCC), P/Q-type");

        Assert.Equal(["lambert", "eaton", "vgcc", "p", "q", "type"], terms);
    }

    [Theory]
    [InlineData("antibodies", "antibody")]
    [InlineData("syndromes", "syndrome")]
    [InlineData("classes", "class")]
    [InlineData("boxes", "box")]
    [InlineData("approaches", "approach")]
    [InlineData("rashes", "rash")]
    [InlineData("patients", "patient")]
    [InlineData("diseases", "disease")]
    [InlineData("doses", "dose")]
    [InlineData("sizes", "size")]
    [InlineData("processes", "process")]
    [InlineData("causes", "cause")]
    public void Terms_FoldsPlurals(string plural, string singular)
    {
        Assert.Equal([singular], TextAnalyzer.Terms(plural));
    }

    [Theory]
    [InlineData("gravis")]
    [InlineData("status")]
    [InlineData("weakness")]
    [InlineData("ivig")]
    [InlineData("cd20")]
    public void Terms_LeavesWordsThatAreNotPluralsAlone(string word)
    {
        Assert.Equal([word], TextAnalyzer.Terms(word));
    }

    [Fact]
    public void Terms_PluralAndSingular_GiveTheSameTerm()
    {
        Assert.Equal(TextAnalyzer.Terms("antibody"), TextAnalyzer.Terms("Antibodies"));
    }

    [Theory]
    [InlineData("Barré", "barre")]
    [InlineData("Guillain-Barré", "guillain barre")]
    [InlineData("Sjögren", "sjogren")]
    [InlineData("naïve", "naive")]
    public void Terms_RemovesDiacritics(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextAnalyzer.Terms(text)));
    }

    [Fact]
    public void Terms_SameWordWithAndWithoutDiacritics_GivesTheSameTermsWhenBothAreSpelledTheSameWay()
    {
        Assert.Equal(TextAnalyzer.Terms("guillain-barré"), TextAnalyzer.Terms("Guillain-Barré"));
    }

    [Fact]
    public void Terms_OnlyStopWordsAndPunctuation_IsEmpty()
    {
        Assert.Empty(TextAnalyzer.Terms("What is it, and how?"));
    }
}
