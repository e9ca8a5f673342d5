using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Text;

public sealed class WholeWordsTests
{
    [Theory]
    [InlineData("lems is a disorder of the junction", "is a", true)]
    [InlineData("the diagnosis and its tests", "is a", false)]
    [InlineData("what dose in mg was given", "mg", true)]
    [InlineData("a moderate rise", "rate", false)]
    public void A_phrase_counts_only_as_whole_words(string text, string phrase, bool found) =>
        Assert.Equal(found, WholeWords.Contain(text, phrase));

    [Fact]
    public void Ignoring_case_still_needs_whole_words() =>
        Assert.False(WholeWords.Contain("0.4 g/kg or 2 mgkg", "MG", StringComparison.OrdinalIgnoreCase));
}
