using System.Xml.Linq;
using RagApi.Eval.Suites;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Suites;

public sealed class ReportWriterTests
{
    private static CaseResult Passed(string id = "passed") =>
        new("clinical-questions", id, "How is LEMS treated?", "How is LEMS treated?", false, false, [], true, 1, 1, 1, [], 1, [], 1, 1, ["lems-guideline"], 20, null,
            FoundPhrases: ["DAP improves strength"], Answer: SampleAnswers.Valid());

    private static CaseResult Short(string id = "short") =>
        Passed(id) with { CitationRecall = 0.5, PhraseRecall = 0.5, MissingPhrases = ["20 mg three times daily"] };

    private static CaseResult Unavailable(string id = "busy") =>
        new("clinical-questions", id, "q", "q", false, false, [], false, null, null, null, [], null, [], null, null, [], 5, "POST v1/answers returned 503 after 3 attempt(s)", HttpStatus: 503);

    [Fact]
    public void Junit_has_one_testcase_per_case_with_http_failures_as_errors_and_quality_failures_as_failures()
    {
        var xml = XDocument.Parse(JunitReportWriter.ToXml([Passed(), Short(), Unavailable()], "s.jsonl", "api", interrupted: false));
        var cases = xml.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);

        Assert.Equal((3, false, "quality", "HTTP 503"),
            (cases.Count, cases["passed"].HasElements, (string?)cases["short"].Element("failure")?.Attribute("type"), (string?)cases["busy"].Element("error")?.Attribute("type")));
    }

    [Fact]
    public void A_junit_failure_message_names_the_missing_fact()
    {
        var xml = XDocument.Parse(JunitReportWriter.ToXml([Short()], "s.jsonl", "api", interrupted: false));

        Assert.Contains("20 mg three times daily", (string)xml.Descendants("failure").Single().Attribute("message")!);
    }

    [Fact]
    public void The_html_report_marks_facts_found_and_missing_and_encodes_hostile_text()
    {
        var hostile = Short() with { Question = "<script>alert(1)</script>" };
        var html = HtmlReportWriter.ToHtml([hostile], SuiteSummary.Of([hostile], 5), "s.jsonl", "api", false);

        Assert.Equal((true, true, false, true),
            (html.Contains("missing: 20 mg three times daily", StringComparison.Ordinal), html.Contains("found: DAP improves strength", StringComparison.Ordinal),
             html.Contains("<script>alert(1)", StringComparison.Ordinal), html.Contains("&lt;script&gt;alert(1)", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_html_report_references_nothing_outside_itself()
    {
        var html = HtmlReportWriter.ToHtml([Passed()], SuiteSummary.Of([Passed()], 5), "s.jsonl", "api", false);

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public void A_json_report_reads_back_with_its_cases_and_summary()
    {
        var results = new[] { Passed(), Unavailable() };
        var report = SuiteReportWriter.ReadJson(SuiteReportWriter.ToJson(results, SuiteSummary.Of(results, 5), "s.jsonl", "api"));

        Assert.Equal((2, 1, (int?)503, 1), (report.Cases.Count, report.Summary.Errors, report.Cases[1].HttpStatus, report.Cases[0].Answer!.Citations[0].Number));
    }

    [Fact]
    public void Summary_quality_measures_leave_out_cases_that_failed_to_run()
    {
        var summary = SuiteSummary.Of([Passed(), Unavailable()], 5);

        Assert.Equal((1, 1.0, 1), (summary.Errors, summary.StructuralValidity.Value, summary.StructuralValidity.Over));
    }
}
