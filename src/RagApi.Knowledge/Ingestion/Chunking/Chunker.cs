using System.Text;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Ingestion.Chunking;

/// <summary>
/// Cuts a document into passages by heading and sentence. Every chunk's index text fits the embedding
/// model's window (a sentence too long for it is split at word boundaries rather than truncated), chunks never
/// cross a heading or a PDF page, and each chunk repeats the previous chunk's last sentence so no statement loses its context.
/// </summary>
public sealed class Chunker(ITokenCounter tokens, ChunkerOptions? options = null)
{
    private readonly ChunkerOptions _options = options ?? new ChunkerOptions();

    public IReadOnlyList<Chunk> Chunk(SourceDocument document)
    {
        var metadata = DocumentMetadata.Of(document);
        var chunks = new List<Chunk>();
        var blocks = document.Blocks ?? MarkdownBlocks.Parse(document.Body).Select(b => new DocumentBlock(b.Headings, b.Text)).ToList();
        foreach (var section in blocks.GroupBy(b => (Path: SectionPath(document.Title, b.Headings), b.Page, b.Anchor)))
        {
            var sentences = section.SelectMany(block => SentencesOf(block.Text, section.Key.Path)).ToList();
            foreach (var window in Pack(section.Key.Path, sentences))
                chunks.Add(Build(metadata, chunks.Count, section.Key.Path, window) with { Page = section.Key.Page, Anchor = section.Key.Anchor });
        }
        return chunks;
    }

    private static string SectionPath(string title, IReadOnlyList<string> headings)
    {
        var path = headings.Count > 0 && headings[0].Equals(title, StringComparison.OrdinalIgnoreCase) ? headings : [title, .. headings];
        return string.Join(" > ", path);
    }

    private IEnumerable<(string Text, bool StartsParagraph)> SentencesOf(string paragraph, string sectionPath)
    {
        var budget = _options.MaxTokens - tokens.CountTokens(sectionPath + "\n");
        var first = true;
        foreach (var span in SentenceSplitter.Split(paragraph))
        {
            foreach (var piece in FitToWindow(span.Of(paragraph), budget))
            {
                yield return (piece, first);
                first = false;
            }
        }
    }

    private IEnumerable<string> FitToWindow(string sentence, int budget)
    {
        if (tokens.CountTokens(sentence) <= budget)
        {
            yield return sentence;
            yield break;
        }
        var piece = new StringBuilder();
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = piece.Length == 0 ? word : $"{piece} {word}";
            if (piece.Length > 0 && tokens.CountTokens(candidate) > budget)
            {
                yield return piece.ToString();
                piece.Clear().Append(word);
            }
            else
            {
                piece.Clear().Append(candidate);
            }
        }
        if (piece.Length > 0) yield return piece.ToString();
    }

    private IEnumerable<List<(string Text, bool StartsParagraph)>> Pack(string sectionPath, List<(string Text, bool StartsParagraph)> sentences)
    {
        var window = new List<(string Text, bool StartsParagraph)>();
        var carried = 0; // sentences repeated from the previous chunk
        var index = 0;
        while (index < sentences.Count)
        {
            var candidate = window.Append(sentences[index]).ToList();
            var size = tokens.CountTokens(IndexText(sectionPath, candidate));
            var onlyCarried = window.Count == carried;
            if (size <= _options.MaxTokens && (size <= _options.TargetTokens || onlyCarried) || window.Count == 0)
            {
                window = candidate;
                index++;
            }
            else if (onlyCarried)
            {
                // The overlap and the next sentence do not fit together: drop the overlap rather than emit it alone.
                window = [];
                carried = 0;
            }
            else
            {
                yield return window;
                window = Overlap(sectionPath, window);
                carried = window.Count;
            }
        }
        if (window.Count > carried) yield return window;
    }

    /// <summary>The next chunk starts with the last sentence of this one when that sentence is short enough.</summary>
    private List<(string Text, bool StartsParagraph)> Overlap(string sectionPath, List<(string Text, bool StartsParagraph)> window)
    {
        if (_options.OverlapSentences == 0 || window.Count <= 1) return [];
        var tail = window[^1];
        var size = tokens.CountTokens(IndexText(sectionPath, [tail]));
        return size <= _options.TargetTokens / 3 ? [(tail.Text, true)] : [];
    }

    private static string IndexText(string sectionPath, IEnumerable<(string Text, bool StartsParagraph)> sentences) =>
        $"{sectionPath}\n{Join(sentences, null)}";

    private static string Join(IEnumerable<(string Text, bool StartsParagraph)> sentences, List<TextSpan>? spans)
    {
        var text = new StringBuilder();
        foreach (var (sentence, startsParagraph) in sentences)
        {
            if (text.Length > 0) text.Append(startsParagraph ? "\n\n" : " ");
            spans?.Add(new TextSpan(text.Length, sentence.Length));
            text.Append(sentence);
        }
        return text.ToString();
    }

    private static Chunk Build(DocumentMetadata metadata, int ordinal, string sectionPath, List<(string Text, bool StartsParagraph)> window)
    {
        var spans = new List<TextSpan>();
        var text = Join(window, spans);
        return new Chunk(Chunking.Chunk.IdFor(metadata.Id, ordinal), ordinal, sectionPath, text, spans, metadata);
    }
}

public sealed record ChunkerOptions
{
    /// <summary>MiniLM's window is 256 word pieces including [CLS] and [SEP].</summary>
    public int MaxTokens { get; init; } = 254;

    /// <summary>Passages of about this size keep each citation specific.</summary>
    public int TargetTokens { get; init; } = 160;

    public int OverlapSentences { get; init; } = 1;
}
