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
        var (sentences, terms, cues, statements, alone) = (new string[count], new IReadOnlyList<string>[count], new ReadOnlyMemory<byte>[count], new bool[count], new bool[count]);
        _terms = new HashSet<string>(TextAnalyzer.Terms(chunk.Document.Title), StringComparer.Ordinal);
        _terms.UnionWith(TextAnalyzer.Terms(chunk.SectionPath));
        for (var i = 0; i < count; i++)
        {
            var sentence = sentences[i] = chunk.Sentence(i);
            terms[i] = TextAnalyzer.Terms(sentence);
            _terms.UnionWith(terms[i]);
            cues[i] = QuestionAspects.CueCounts(sentence);
            statements[i] = StatementText.IsStatement(sentence);
            alone[i] = StatementText.StandsAlone(sentence);
        }
        (Sentences, SentenceTerms, CueCounts, IsStatement, StandsAlone) = (sentences, terms, cues, statements, alone);
        Definitions = Abbreviations.DefinedIn(chunk.Text);
    }

    public static AnalysedChunk Of(Chunk chunk) => Analysed.GetValue(chunk, c => new AnalysedChunk(c));

    // Read-only views: one analysis serves every request that retrieves the chunk.
    public IReadOnlyList<string> Sentences { get; }

    public IReadOnlyList<IReadOnlyList<string>> SentenceTerms { get; }

    /// <summary>Per sentence, <see cref="QuestionAspects.CueCounts"/>.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> CueCounts { get; }

    public IReadOnlyList<bool> IsStatement { get; }

    public IReadOnlyList<bool> StandsAlone { get; }

    public IReadOnlyList<Abbreviations.Definition> Definitions { get; }

    /// <summary>The terms of the document's title, the section path and every sentence.</summary>
    public IReadOnlySet<string> Terms => _terms;

    /// <summary>
    /// The share of <paramref name="wanted"/> that the document's title, the section or a sentence names, itself or
    /// as the long form of an abbreviation among them.
    /// </summary>
    public double ShareNamed(IReadOnlyList<string> wanted, Abbreviations abbreviations)
    {
        if (wanted.Count == 0) return 0;
        HashSet<string>? longForms = null;
        var named = 0;
        foreach (var term in wanted)
        {
            if (_terms.Contains(term)) named++;
            else if ((longForms ??= abbreviations.LongFormTermsIn(_terms).ToHashSet(StringComparer.Ordinal)).Contains(term)) named++;
        }
        return (double)named / wanted.Count;
    }
}
