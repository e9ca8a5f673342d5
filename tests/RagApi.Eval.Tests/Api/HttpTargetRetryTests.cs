using System.Net;
using System.Text.Json;
using RagApi.Eval.Targets;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>How the HTTP target treats a busy service: 429 and 503 are waited out within the budget, then recorded.</summary>
public sealed class HttpTargetRetryTests
{
    private static readonly Uri Base = new("http://127.0.0.1:9/");

    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_the_answer_then_returned()
    {
        var handler = new ScriptedHandler(Busy(HttpStatusCode.TooManyRequests, seconds: 0), Busy(HttpStatusCode.ServiceUnavailable, seconds: 0), Ok());
        await using var target = new HttpTarget(Base, "k", handler: handler, budget: new RetryBudget(TimeSpan.FromSeconds(5), TimeSpan.Zero));

        var answer = await target.AnswerAsync("q", [], TestContext.Current.CancellationToken);

        Assert.Equal(("ans_1", 3), (answer.Id, handler.Calls));
    }

    [Fact]
    public async Task A_503_whose_retry_after_exceeds_the_budget_fails_with_that_status_without_waiting()
    {
        var handler = new ScriptedHandler(Busy(HttpStatusCode.ServiceUnavailable, seconds: 120));
        await using var target = new HttpTarget(Base, "k", handler: handler, budget: new RetryBudget(TimeSpan.FromSeconds(30), TimeSpan.Zero));

        var failure = await Assert.ThrowsAsync<TargetRequestException>(() => target.AnswerAsync("q", [], TestContext.Current.CancellationToken));

        Assert.Equal(((int?)503, 1), (failure.Status, handler.Calls));
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var handler = new ScriptedHandler(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{}") });
        await using var target = new HttpTarget(Base, "k", handler: handler);

        var failure = await Assert.ThrowsAsync<TargetRequestException>(() => target.AnswerAsync("q", [], TestContext.Current.CancellationToken));

        Assert.Equal(((int?)400, 1), (failure.Status, handler.Calls));
    }

    [Fact]
    public async Task The_api_key_is_sent_in_the_chosen_header()
    {
        var handler = new ScriptedHandler(Ok());
        await using var target = new HttpTarget(Base, "secret", "Authorization", handler);

        await target.AnswerAsync("q", [], TestContext.Current.CancellationToken);

        Assert.Equal("secret", handler.LastRequest!.Headers.GetValues("Authorization").Single());
    }

    private static HttpResponseMessage Busy(HttpStatusCode status, int seconds)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"status\":" + (int)status + "}") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private static HttpResponseMessage Ok() =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(SampleAnswers.Valid(), JsonSerializerOptions.Web)) };

    private sealed class ScriptedHandler(params HttpResponseMessage[] responses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public HttpRequestMessage? LastRequest { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastRequest = request;
            return Task.FromResult(responses[Math.Min(Calls++, responses.Length - 1)]);
        }
    }
}
