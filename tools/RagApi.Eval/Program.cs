using System.CommandLine;
using RagApi.Eval.Beir;
using RagApi.Eval.Perf;
using RagApi.Eval.Suites;

namespace RagApi.Eval;

/// <summary>A named entry point: the API's own top-level Program is the one WebApplicationFactory starts.</summary>
internal static class EvalProgram
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Evaluates RagApi: citation-accuracy suites, a BEIR retrieval benchmark and performance benchmarks.")
        {
            SuiteCommand.Create(),
            CompareCommand.Create(),
            BioAsq.BioAsqCommand.Create(),
            BeirCommand.Create(),
            SciFact.SciFactCommand.Create(),
            PerfCommand.Create(),
            Fitting.FitCommand.Create(),
            Fitting.ExplainCommand.Create(),
        };
        // Ctrl+C cancels the run; the suite then writes its reports, which may take longer than the default 2 s.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
