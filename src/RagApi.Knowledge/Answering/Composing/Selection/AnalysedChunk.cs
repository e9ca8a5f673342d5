using System.Runtime.CompilerServices;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>What selection reads from a chunk whatever the question: each sentence's text, terms and cue counts, whether it is a statement that stands alone, the terms of the whole passage and the abbreviations it defines.</summary>
internal sealed class AnalysedChunk
{
    // Kept as long as the chunk object lives: the embedded store hands out the same chunk objects while its file is
    // unchanged, so the passages every answer retrieves again are read once. Keyed by reference, never by value.
    private static readonly ConditionalWeakTable<Chunk, AnalysedChunk> Analysed = new();

    private readonly HashSet<string> _terms;

    private AnalysedChunk(Chunk chunk)
    {
        var count = chunk.Sentences.Count;
        (Sentences, SentenceTerms, CueCounts, IsStatement, StandsAlone) = (new string[count], new IReadOnlyList<string>[count], new byte[count][], new bool[count], new bool[count]);
        _terms = new HashSet<string>(TextAnalyzer.Terms(chunk.Document.Title), StringComparer.Ordinal);
        _terms.UnionWith(TextAnalyzer.Terms(chunk.SectionPath));
        for (var i = 0; i < count; i++)
        {
            var sentence = Sentences[i] = chunk.Sentence(i);
            SentenceTerms[i] = TextAnalyzer.Terms(sentence);
            _terms.UnionWith(SentenceTerms[i]);
            CueCounts[i] = QuestionAspects.CueCounts(sentence);
            IsStatement[i] = StatementText.IsStatement(sentence);
            StandsAlone[i] = StatementText.StandsAlone(sentence);
        }
        Definitions = Abbreviations.DefinedIn(chunk.Text);
    }

    public static AnalysedChunk Of(Chunk chunk) => Analysed.GetValue(chunk, c => new AnalysedChunk(c));

    public string[] Sentences { get; }

    public IReadOnlyList<string>[] SentenceTerms { get; }

    /// <summary>Per sentence, <see cref="QuestionAspects.CueCounts"/>.</summary>
    public byte[][] CueCounts { get; }

    public bool[] IsStatement { get; }

    public bool[] StandsAlone { get; }

    public IReadOnlyList<Abbreviations.Definition> Definitions { get; }

    /// <summary>The terms of the document's title, the section and every sentence, with the long forms of the abbreviations among them.</summary>
    public HashSet<string> TermsWith(Abbreviations abbreviations)
    {
        var terms = new HashSet<string>(_terms, StringComparer.Ordinal);
        terms.UnionWith(abbreviations.LongFormTermsIn(_terms));
        return terms;
    }
}
