using System.CommandLine;
using RagApi.LoadTest;

var clients = new Option<int>("--clients") { Description = "Concurrent clients, each with its own API key.", DefaultValueFactory = _ => 64 };
var duration = new Option<int>("--duration") { Description = "Seconds of load after the warm-up.", DefaultValueFactory = _ => 60 };
var maxRequests = new Option<int>("--max-requests") { Description = "Stop early after this many requests.", DefaultValueFactory = _ => 1_000_000 };
var sample = new Option<int>("--sample-seconds") { Description = "How often the server's memory is sampled.", DefaultValueFactory = _ => 10 };
var store = new Option<string>("--store") { Description = "The store the server uses (seeded on first use).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "ragapi-loadtest", "ragapi.db") };
var questions = new Option<string[]>("--questions")
{
    Description = "Question sets, each run for the duration: seed (the suites' distinct questions, repeated) and/or fresh (PubMedQA and SciFact questions from ../shared/data, not repeated while they last).",
    DefaultValueFactory = _ => ["seed", "fresh"],
    AllowMultipleArgumentsPerToken = true,
};
questions.AcceptOnlyFromAmong("seed", "fresh");
var server = new Option<string?>("--server") { Description = "RagApi.dll to run; default: the Release (else Debug) build under src/RagApi/bin." };

var root = new RootCommand("Runs the RagApi server on loopback and drives POST /v1/answers with concurrent clients; prints errors, latency percentiles and server memory.")
{
    clients, duration, maxRequests, sample, store, server, questions,
};
root.SetAction((result, cancellationToken) => LoadTestRun.RunAsync(new LoadTestSettings(
    result.GetValue(clients), TimeSpan.FromSeconds(result.GetValue(duration)), result.GetValue(maxRequests),
    TimeSpan.FromSeconds(result.GetValue(sample)), result.GetValue(store)!, result.GetValue(server), result.GetValue(questions)!), cancellationToken));
return await root.Parse(args).InvokeAsync();
