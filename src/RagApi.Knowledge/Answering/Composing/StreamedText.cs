using System.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Gathers a streamed reply and hands out its lines once complete, with reasoning blocks left out: text inside an
/// open &lt;think&gt; block is held back until the block closes.
/// </summary>
internal sealed class StreamedText
{
    private readonly StringBuilder _text = new();
    private int _linesGiven;

    public IReadOnlyList<string> Append(string delta)
    {
        _text.Append(delta);
        var visible = Visible();
        var end = visible.LastIndexOf('\n');
        return end < 0 ? [] : Take(visible[..end].Split('\n'));
    }

    /// <summary>The lines not yet given; the unfinished last one only when the reply was not cut.</summary>
    public IReadOnlyList<string> End(bool keepLastLine)
    {
        var lines = Visible().Split('\n').ToList();
        if (!keepLastLine && !Visible().EndsWith('\n')) lines.RemoveAt(lines.Count - 1);
        return Take(lines);
    }

    private string Visible()
    {
        var text = _text.ToString().ReplaceLineEndings("\n");
        // An unclosed block may still close: hold back everything from its opening tag.
        var open = text.LastIndexOf("<think>", StringComparison.OrdinalIgnoreCase);
        if (open >= 0 && text.IndexOf("</think>", open, StringComparison.OrdinalIgnoreCase) < 0) text = text[..open];
        var visible = ReasoningText.Strip(text);
        return text.EndsWith('\n') && visible.Length > 0 ? visible + "\n" : visible;
    }

    private List<string> Take(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var fresh = all.Skip(_linesGiven).ToList();
        _linesGiven = Math.Max(_linesGiven, all.Count);
        return fresh;
    }
}
