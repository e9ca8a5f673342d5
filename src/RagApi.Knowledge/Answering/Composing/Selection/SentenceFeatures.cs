namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// What is measured about one candidate sentence; the order is the order of <see cref="SelectionModel.Weights"/>.
/// All values lie in [0, 1].
/// </summary>
public static class SentenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "sentence cosine",          // the sentence's vector against the question's
        "passage cosine",           // its passage's dense score: a sentence alone loses its passage's subject
        "section cosine",           // the best dense score among the retrieved passages of the sentence's section
        "cosine without subject",   // both vectors with the retrieved sentences' common direction (the subject) removed
        "sentence BM25",            // against the question, document frequencies over the candidates; scaled to the best
        "aspect BM25",              // the same for the question's aspect words only (cause, antibodies, treated...), word stems matched
        "subject in sentence",      // share of the question's subject terms the sentence names
        "subject in passage",       // the same for its passage with its title and section: what the sentence is about
        "aspect in sentence",       // how many cues of the aspect asked (treatment, cause, test...) the sentence names, up to three
        "aspect in heading",        // the section it sits under is about the aspect asked
        "restates question",        // share of the sentence's terms that are the question's own
        "new terms",                // share of the sentence's terms the question does not have: what it adds
        "leans on previous",        // opens with a connective (However, Thus...)
        "passage rank",             // 1 / (rank + 1) of its passage
        "number for quantity",      // states a number when the question asks a dose, frequency or count
        "sentence length",          // log words, scaled
        "guideline",                // the sentence comes from a guideline
    ];

    public static int Count => Names.Count;
}
