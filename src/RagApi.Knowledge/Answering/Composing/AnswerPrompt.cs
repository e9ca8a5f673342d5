using System.Security;
using System.Text;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>The answer request and the passages it numbers (ids 1..n, in rank order), which the verifier checks citations against.</summary>
internal sealed record AnswerPrompt(ChatPrompt Chat, IReadOnlyList<RetrievedPassage> Passages)
{
    /// <summary>
    /// Rules as the system message; the passages as &lt;document&gt; elements inside &lt;documents&gt; and then the
    /// question as the user message. The whole request, with room for the reply, stays within
    /// <paramref name="contextTokens"/>: the lowest-ranked passages are left out, whole, until it fits; a passage is
    /// never cut, since a cut passage could lose the sentence that qualifies another.
    /// </summary>
    public static AnswerPrompt Build(GenerationPrompts prompts, string question, IReadOnlyList<RetrievedPassage> passages, int contextTokens, int maxOutputTokens)
    {
        var rules = prompts.AnswerRules.Render(new Dictionary<string, string>());
        var budget = contextTokens - maxOutputTokens - TokenEstimate.Of(rules) - TokenEstimate.Of(question) - TokenEstimate.Of(prompts.Answer.Render(Values("", "")));
        var kept = new List<RetrievedPassage>();
        var documents = new StringBuilder();
        foreach (var passage in passages)
        {
            var element = Document(kept.Count + 1, passage);
            if (TokenEstimate.Of(documents.ToString()) + TokenEstimate.Of(element) > budget) break;
            documents.Append(element);
            kept.Add(passage);
        }
        var user = prompts.Answer.Render(Values(documents.ToString().TrimEnd(), question));
        return new AnswerPrompt(new ChatPrompt(rules, user), kept);
    }

    private static Dictionary<string, string> Values(string documents, string question) => new()
    {
        ["documents"] = documents,
        ["question"] = question,
    };

    /// <summary>Attributes are escaped and a passage cannot close its element, so a passage's text stays data.</summary>
    public static string Document(int id, RetrievedPassage passage)
    {
        var chunk = passage.Chunk;
        var d = chunk.Document;
        var text = new StringBuilder()
            .Append("<document id=\"").Append(id).Append("\" kind=\"").Append(d.Kind.ToName())
            .Append("\" source=\"").Append(SecurityElement.Escape(d.Source)).Append('"');
        if (d.Year is { } year) text.Append(" year=\"").Append(year).Append('"');
        text.Append(" section=\"").Append(SecurityElement.Escape(chunk.SectionPath)).Append("\">\n")
            .Append(chunk.Text.Replace("</document", "</ document", StringComparison.OrdinalIgnoreCase)).Append("\n</document>\n");
        return text.ToString();
    }
}

/// <summary>
/// A deliberately high estimate of a text's tokens for the model's tokenizer, which is not known here: one token
/// per three characters (English prose runs near four; drug names and numbers run closer to three).
/// </summary>
internal static class TokenEstimate
{
    public static int Of(string text) => (text.Length + 2) / 3;
}
