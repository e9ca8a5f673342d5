using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Eval.Judging;

/// <summary>ALCE-style citation recall and precision of one answer, as judged.</summary>
public sealed record CitationSupportResult(double? Recall, double? Precision, IReadOnlyList<string> Unsupported);

/// <summary>
/// Citation recall: share of statements whose cited passages, together, support them. Citation precision:
/// share of citations that are not irrelevant, a citation being irrelevant when it does not support the
/// statement alone and the statement's other citations support it without it; the citations of a statement its
/// citations do not support all count as imprecise (after ALCE, Gao et al. 2023).
/// </summary>
public static class CitationSupport
{
    public static async Task<CitationSupportResult> JudgeAsync(ClinicalAnswer answer, ICitationJudge judge, CancellationToken cancellationToken)
    {
        var passages = answer.Citations.ToDictionary(c => c.Number, c => c.Passage);
        var statements = answer.Sections.SelectMany(s => s.Statements).Where(s => s.Citations.Count > 0).ToList();
        if (statements.Count == 0) return new CitationSupportResult(null, null, []);
        int supported = 0, citations = 0, precise = 0;
        var unsupported = new List<string>();
        foreach (var statement in statements)
        {
            var cited = statement.Citations.Distinct().Where(passages.ContainsKey).ToList();
            citations += cited.Count;
            var together = cited.Count > 0 && await judge.SupportsAsync(statement.Text, cited.Select(n => passages[n]).ToList(), cancellationToken);
            if (!together)
            {
                unsupported.Add(statement.Text);
                continue;
            }
            supported++;
            if (cited.Count == 1)
            {
                precise++;
                continue;
            }
            foreach (var n in cited)
            {
                var alone = await judge.SupportsAsync(statement.Text, [passages[n]], cancellationToken);
                var othersSuffice = !alone && await judge.SupportsAsync(statement.Text, cited.Where(m => m != n).Select(m => passages[m]).ToList(), cancellationToken);
                if (alone || !othersSuffice) precise++;
            }
        }
        return new CitationSupportResult(supported / (double)statements.Count, citations == 0 ? null : precise / (double)citations, unsupported);
    }
}
