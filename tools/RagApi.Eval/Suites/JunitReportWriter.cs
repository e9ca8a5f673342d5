using System.Globalization;
using System.Xml.Linq;

namespace RagApi.Eval.Suites;

/// <summary>
/// JUnit XML for CI: one testcase per suite case. A case that got no answer is an &lt;error&gt; (with its HTTP
/// status); an answered case that falls short is a &lt;failure&gt; listing every reason.
/// </summary>
public static class JunitReportWriter
{
    public static string ToXml(IReadOnlyList<CaseResult> results, string suite, string target, bool interrupted)
    {
        var errors = results.Count(r => r.FailedToRun);
        var failures = results.Count(r => r.QualityFailures.Count > 0);
        var seconds = results.Sum(r => r.AnswerMilliseconds) / 1000;
        var testSuite = new XElement("testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("time", Seconds(seconds)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "target"), new XAttribute("value", target)),
                new XElement("property", new XAttribute("name", "interrupted"), new XAttribute("value", interrupted ? "true" : "false"))),
            results.Select(Case));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "ragapi-eval suite"), new XAttribute("tests", results.Count),
                new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("time", Seconds(seconds)), testSuite));
        return document.Declaration + Environment.NewLine + document.Root;
    }

    private static XElement Case(CaseResult r)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", "ragapi.suite"),
            new XAttribute("name", r.Id),
            new XAttribute("time", Seconds(r.AnswerMilliseconds / 1000)));
        if (r.FailedToRun)
            element.Add(new XElement("error",
                new XAttribute("type", r.HttpStatus is { } status ? $"HTTP {status}" : "no answer"),
                new XAttribute("message", r.Error!),
                $"Question: {r.Question}{Environment.NewLine}{r.Error}"));
        else if (r.QualityFailures is { Count: > 0 } reasons)
            element.Add(new XElement("failure",
                new XAttribute("type", "quality"),
                new XAttribute("message", string.Join(" | ", reasons)),
                $"Question: {r.Question}{Environment.NewLine}Asked as: {r.StandaloneQuestion}{Environment.NewLine}" +
                string.Join(Environment.NewLine, reasons.Select(x => $"- {x}"))));
        return element;
    }

    private static string Seconds(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
