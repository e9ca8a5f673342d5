using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace RagApi.Eval.Suites;

/// <summary>
/// One self-contained HTML file (inline style and script, nothing fetched): the summary figures, a table of
/// cases that can be filtered to failing ones or by text, and each answer with its citations and the expected
/// facts marked found or missing. Every text from a suite or an answer is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;max-width:80rem;color:#1b1b1b}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
        tr.fail td:first-child{border-left:4px solid #c62828}tr.error td:first-child{border-left:4px solid #6a1b9a}tr.pass td:first-child{border-left:4px solid #2e7d32}
        details{margin:.2rem 0}.found{color:#2e7d32}.missing{color:#c62828;font-weight:600}.quote{background:#fff3b0}
        .muted{color:#666}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
        """;

    private const string Script = """
        function applyFilter(){
          var failing=document.getElementById('failing').checked, text=document.getElementById('text').value.toLowerCase();
          document.querySelectorAll('tbody tr.case').forEach(function(row){
            var show=(!failing||!row.classList.contains('pass'))&&(text===''||row.textContent.toLowerCase().indexOf(text)>=0);
            row.style.display=show?'':'none';
            var detail=document.getElementById('detail-'+row.dataset.index); if(detail){detail.style.display=show?'':'none';}
          });
        }
        """;

    public static string ToHtml(IReadOnlyList<CaseResult> results, SuiteSummary summary, string suite, string target, bool interrupted, string? judge = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RagApi evaluation: ")
            .Append(HtmlEncode(suite)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Evaluation of ").Append(HtmlEncode(suite)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Target: {HtmlEncode(target)}. Cases: {summary.Cases}; failed to run: {summary.Errors}; answered but falling short: {results.Count(r => r.QualityFailures.Count > 0)}.");
        if (interrupted) html.Append(" <strong>The run was interrupted; only the cases shown were run.</strong>");
        html.Append("</p>");
        html.Append("<h2>Summary</h2><table><tbody>");
        foreach (var (name, value) in SuiteReportWriter.RunRows(results, judge).Concat(SuiteReportWriter.Rows(summary)))
            html.Append("<tr><th>").Append(HtmlEncode(name)).Append("</th><td>").Append(HtmlEncode(value)).Append("</td></tr>");
        html.Append("</tbody></table>");

        html.Append("<h2>Cases</h2><p><label><input type=\"checkbox\" id=\"failing\" onchange=\"applyFilter()\"> failing only</label> ")
            .Append("<label>filter <input type=\"search\" id=\"text\" oninput=\"applyFilter()\"></label></p>");
        html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>case</th><th>outcome</th><th>should refuse</th><th>refused</th><th>precision</th><th>recall</th><th>facts</th><th>recall@{summary.RecallK}</th><th>ms</th><th>question</th></tr></thead><tbody>");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var outcome = r.FailedToRun ? "error" : r.QualityFailures.Count > 0 ? "fail" : "pass";
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"case {outcome}\" data-index=\"{i}\"><td><a href=\"#case-{i}\">{HtmlEncode(r.Id)}</a></td><td>{(r.FailedToRun && r.HttpStatus is { } s ? $"error (HTTP {s})" : outcome)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Yes(r.ShouldRefuse)}</td><td>{(r.FailedToRun ? "-" : Yes(r.Refused))}</td><td>{Pct(r.CitationPrecision)}</td><td>{Pct(r.CitationRecall)}</td><td>{Pct(r.PhraseRecall)}</td><td>{Pct(r.RecallAtK)}</td><td>{r.AnswerMilliseconds:F0}</td><td>{HtmlEncode(r.Question)}</td></tr>");
        }
        html.Append("</tbody></table><h2>Answers</h2>");
        for (var i = 0; i < results.Count; i++) AppendCase(html, results[i], i);
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void AppendCase(StringBuilder html, CaseResult r, int index)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"detail-{index}\"><h3 id=\"case-{index}\">{HtmlEncode(r.Id)}</h3><p>{HtmlEncode(r.Question)}");
        if (r.StandaloneQuestion != r.Question) html.Append(" <span class=\"muted\">(asked as: ").Append(HtmlEncode(r.StandaloneQuestion)).Append(")</span>");
        html.Append("</p>");
        if (r.Error is not null) html.Append("<p class=\"missing\">No answer: ").Append(HtmlEncode(r.Error)).Append("</p>");
        if (r.QualityFailures.Count > 0)
            html.Append("<ul>").AppendJoin("", r.QualityFailures.Select(f => $"<li class=\"missing\">{HtmlEncode(f)}</li>")).Append("</ul>");
        var found = r.FoundPhrases ?? [];
        if (found.Count + r.MissingPhrases.Count > 0)
        {
            html.Append("<p>Expected facts: ");
            html.AppendJoin(", ", found.Select(p => $"<span class=\"found\">found: {HtmlEncode(p)}</span>"));
            if (found.Count > 0 && r.MissingPhrases.Count > 0) html.Append(", ");
            html.AppendJoin(", ", r.MissingPhrases.Select(p => $"<span class=\"missing\">missing: {HtmlEncode(p)}</span>"));
            html.Append("</p>");
        }
        if (r.Answer is { } answer)
        {
            html.Append("<details><summary>answer and ").Append(answer.Citations.Count.ToString(CultureInfo.InvariantCulture)).Append(" citation(s)</summary>");
            html.Append("<pre>").Append(HtmlEncode(answer.Answer)).Append("</pre><ol>");
            foreach (var c in answer.Citations)
            {
                var passage = HtmlEncode(c.Passage);
                var quote = HtmlEncode(c.Quote);
                var marked = quote.Length > 0 && passage.Contains(quote, StringComparison.Ordinal)
                    ? passage.Replace(quote, $"<span class=\"quote\">{quote}</span>", StringComparison.Ordinal)
                    : passage;
                html.Append(CultureInfo.InvariantCulture, $"<li value=\"{c.Number}\"><strong>{HtmlEncode(c.DocumentId)}</strong> <span class=\"muted\">{HtmlEncode(c.ChunkId)}, {HtmlEncode(c.Section)}</span><br>{marked}</li>");
            }
            html.Append("</ol></details>");
        }
        html.Append("</section>");
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Pct(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";
}
