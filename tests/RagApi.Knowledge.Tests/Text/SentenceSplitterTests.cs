using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void Split_KeepsAbbreviationsInsideTheSentence()
    {
        var text = "Antibodies, e.g. against VGCC, are found. Titulaer et al. reported it. Treatment follows.";

        var sentences = Sentences(text);

        Assert.Equal(["Antibodies, e.g. against VGCC, are found.", "Titulaer et al. reported it.", "Treatment follows."], sentences);
    }

    [Fact]
    public void Split_AbbreviationFollowedByACapital_DoesNotEndTheSentence()
    {
        var sentences = Sentences("Compare IVIg vs. Plasma exchange in GBS. Both work.");

        Assert.Equal(["Compare IVIg vs. Plasma exchange in GBS.", "Both work."], sentences);
    }

    [Fact]
    public void Split_Initials_DoNotEndTheSentence()
    {
        var sentences = Sentences("The trial was led by J. Newsom-Davis in Oxford. It enrolled 26 patients.");

        Assert.Equal(["The trial was led by J. Newsom-Davis in Oxford.", "It enrolled 26 patients."], sentences);
    }

    [Fact]
    public void Split_DecimalNumbers_DoNotEndTheSentence()
    {
        var sentences = Sentences("Start at 1.5 mg per kg daily. Review after 2.5 weeks.");

        Assert.Equal(["Start at 1.5 mg per kg daily.", "Review after 2.5 weeks."], sentences);
    }

    [Fact]
    public void Split_SentenceEndingWithAUnit_EndsBeforeTheNextCapital()
    {
        var sentences = Sentences("The prednisone dose was lower, at 44 mg versus 60 mg. Fewer patients required azathioprine.");

        Assert.Equal(["The prednisone dose was lower, at 44 mg versus 60 mg.", "Fewer patients required azathioprine."], sentences);
    }

    [Fact]
    public void Split_QuestionAndExclamationMarks_EndSentences()
    {
        var sentences = Sentences("Is it LEMS? Test VGCC antibodies! Then screen for SCLC.");

        Assert.Equal(["Is it LEMS?", "Test VGCC antibodies!", "Then screen for SCLC."], sentences);
    }

    [Fact]
    public void Split_ClosingQuoteOrBracket_StaysWithItsSentence()
    {
        var sentences = Sentences("Weakness improves after exercise (facilitation.) Reflexes return. He said \"stop.\" Then rested.");

        Assert.Equal(["Weakness improves after exercise (facilitation.)", "Reflexes return.", "He said \"stop.\"", "Then rested."], sentences);
    }

    [Fact]
    public void Split_PeriodBeforeALowercaseWord_DoesNotEndTheSentence()
    {
        var sentences = Sentences("Doses of approx. three tablets were used.");

        Assert.Equal(["Doses of approx. three tablets were used."], sentences);
    }

    [Fact]
    public void Split_Newline_EndsASentenceWithoutPunctuation()
    {
        var sentences = Sentences("Key points\nAntibodies are found in most patients.");

        Assert.Equal(["Key points", "Antibodies are found in most patients."], sentences);
    }

    [Fact]
    public void Split_TextWithoutTerminalPunctuation_IsOneSentence()
    {
        var sentences = Sentences("  a heading-like fragment  ");

        Assert.Equal(["a heading-like fragment"], sentences);
    }

    [Fact]
    public void Split_WhitespaceOnly_HasNoSentences()
    {
        Assert.Empty(SentenceSplitter.Split(" \n\t "));
    }

    [Fact]
    public void Split_Spans_AreInOrderAndLeaveOnlyWhitespaceBetweenThem()
    {
        const string text = "  First sentence, e.g. with 1.5 mg.  Second one?\n\nThird (with a bracket.) Fourth! ";

        var spans = SentenceSplitter.Split(text);

        var between = spans.Select((s, i) => text[(i == 0 ? 0 : spans[i - 1].End)..s.Start]).Append(text[spans[^1].End..]);
        Assert.All(between, gap => Assert.True(string.IsNullOrWhiteSpace(gap), $"non-whitespace between sentences: '{gap}'"));
    }

    [Fact]
    public void Split_Spans_HaveNoLeadingOrTrailingWhitespace()
    {
        const string text = "  First sentence.   Second one?\n\n Third ";

        var sentences = Sentences(text);

        Assert.All(sentences, s => Assert.Equal(s.Trim(), s));
    }
}
