using System.Net;
using System.Text;
using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.Fuzz;

/// <summary>
/// 10,000 malformed, oversized, wrongly typed and adversarial requests (seeded, so every run sends the same):
/// none may get a 5xx, and every 4xx must be a problem+json whose status matches the response.
/// </summary>
public sealed class BadInputFuzzTests(SeedIndex index) : IAsyncDisposable
{
    private const int Requests = 10_000;
    private const int Seed = 20_260_607;

    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?>(Keys.Configured(Keys.Partner))
    {
        ["Requests:MaxBodyBytes"] = "65536",
        ["RateLimits:PermitsPerMinute"] = "10000000",
        ["RateLimits:Burst"] = "1000000",
    });

    [Fact]
    public async Task Ten_thousand_bad_requests_get_no_5xx_and_every_4xx_is_a_problem()
    {
        var client = _app.CreateClient();
        var generator = new BadRequestGenerator(new Random(Seed));
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests && failures.Count < 10; i++)
        {
            var (request, description) = generator.Next();
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (await ProblemFailureAsync(response) is { } failure) failures.Add($"#{i} {description}: {failure}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 5, $"The fuzzer reached too few kinds of error: {string.Join(", ", statuses)}");
    }

    private static async Task<string?> ProblemFailureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (status >= 500) return $"{status}: {body}";
        if (status < 400) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} as {response.Content.Headers.ContentType}: {body}";
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == status ? null : $"{status} with problem status {body}";
        }
        catch (JsonException)
        {
            return $"{status} with a problem body that is not JSON: {body}";
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
