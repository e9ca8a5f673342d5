using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Servers without a reasoning parser (llama.cpp without --reasoning-format, vLLM without --reasoning-parser,
/// Ollama with older templates) leave the model's thinking in the content as <c>&lt;think&gt;...&lt;/think&gt;</c>.
/// It is not answer text. DeepSeek-R1 style templates open the block in the prompt, so a reply may hold only the
/// closing tag: everything before it is thinking. A block never closed (cut by the token limit) runs to the end.
/// </summary>
internal static partial class ReasoningText
{
    [GeneratedRegex(@"<(think|thinking|reasoning)>.*?(</\1>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"\A.*?</(think|thinking|reasoning)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex UnopenedBlock();

    public static string Strip(string reply)
    {
        var text = Block().Replace(reply, "");
        return UnopenedBlock().Replace(text, "").Trim();
    }
}
