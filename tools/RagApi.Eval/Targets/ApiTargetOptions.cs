using System.CommandLine;

namespace RagApi.Eval.Targets;

/// <summary>
/// The options of every command that can ask a running API: its URL, key, key header, the requests in flight at
/// once and the retry budget for busy answers (429, 503).
/// </summary>
internal sealed class ApiTargetOptions
{
    private readonly Option<Uri?> _api;
    private readonly Option<string?> _apiKey = new("--api-key") { Description = "API key sent to the running API." };
    private readonly Option<string> _apiKeyHeader = new("--api-key-header") { Description = "Header that carries the key.", DefaultValueFactory = _ => "X-Api-Key" };
    private readonly Option<int> _concurrency;
    private readonly Option<double> _retryBudget = new("--retry-budget")
    {
        Description = "API: seconds one request may spend waiting out 429/503 before it counts as failed.",
        DefaultValueFactory = _ => 60,
    };

    public ApiTargetOptions(string apiDescription, string concurrencyDescription)
    {
        _api = new Option<Uri?>("--api") { Description = apiDescription, CustomParser = ApiUri.Parse };
        _concurrency = new Option<int>("--concurrency") { Description = concurrencyDescription, DefaultValueFactory = _ => 1 };
        _concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--concurrency must be at least 1."); });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _api, _apiKey, _apiKeyHeader, _concurrency, _retryBudget }) command.Options.Add(option);
    }

    public int Concurrency(ParseResult result) => result.GetValue(_concurrency);

    /// <summary>The running API named by --api, or null when the command runs in-process.</summary>
    public HttpTarget? Target(ParseResult result) =>
        result.GetValue(_api) is { } url
            ? new HttpTarget(url, result.GetValue(_apiKey), result.GetValue(_apiKeyHeader)!,
                budget: new RetryBudget(TimeSpan.FromSeconds(result.GetValue(_retryBudget)), TimeSpan.FromSeconds(1)))
            : null;
}
