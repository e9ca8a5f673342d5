using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Tests.Support;

/// <summary>Hand-made answers: a valid two-citation answer, and ways to break it.</summary>
internal static class SampleAnswers
{
    public const string Disclaimer = "For healthcare professionals; not a substitute for clinical judgement.";

    public static AnswerCitation Citation(int number, string documentId, string passage = "DAP improves strength. IVIg helps too.", string quote = "DAP improves strength.") =>
        new(number, documentId, $"{documentId}#000", "Title", "Source", "guideline", 2006, "https://example.org", "Ref.", "Section", passage, quote, 0.6f);

    public static ClinicalAnswer Valid() => Make(
        "## From the Guidelines\n\n- DAP improves strength. [1]\n- IVIg helps too. [2]\n\n---\n\n" + Disclaimer,
        [new AnswerStatement("DAP improves strength.", [1]), new AnswerStatement("IVIg helps too.", [2])],
        [Citation(1, "lems-guideline"), Citation(2, "lems-review", quote: "IVIg helps too.")]);

    public static ClinicalAnswer Refusal() => Make("The sources do not contain relevant evidence.\n\n---\n\n" + Disclaimer, [], [], insufficientEvidence: true);

    public static ClinicalAnswer Make(string markdown, IReadOnlyList<AnswerStatement> statements, IReadOnlyList<AnswerCitation> citations, bool insufficientEvidence = false) =>
        new("ans_1", "q", "q", "extractive", insufficientEvidence, markdown,
            statements.Count == 0 ? [] : [new AnswerSection("From the Guidelines", statements)], citations, Disclaimer, []);
}
