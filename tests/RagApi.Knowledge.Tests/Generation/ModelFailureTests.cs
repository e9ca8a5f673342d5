using System.Net;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

/// <summary>Fallback logs name a reason category, sorted from whatever the SDK or the resilience layer threw.</summary>
public sealed class ModelFailureTests
{
    public static TheoryData<Exception, string> Failures() => new()
    {
        { new TimeoutRejectedException(), "timeout" },
        { new TaskCanceledException(), "timeout" },
        { new HttpOperationException(HttpStatusCode.TooManyRequests, null, "429", null), "rate-limited" },
        { new HttpOperationException(HttpStatusCode.BadRequest, null, "400", null), "refused" },
        { new HttpOperationException(HttpStatusCode.Unauthorized, null, "401", null), "unauthorised" },
        { new HttpOperationException(HttpStatusCode.Forbidden, null, "403", null), "unauthorised" },
        { new HttpOperationException(HttpStatusCode.NotFound, null, "404", null), "not found" },
        { new HttpOperationException(HttpStatusCode.BadGateway, null, "502", null), "unavailable" },
        { new BrokenCircuitException(), "unavailable" },
        { new System.Text.Json.JsonException(), "malformed" },
        { new ModelCallException(ModelFailureReason.Filtered, "filtered"), "filtered" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_AFailure_GivesItsReasonCategory(Exception failure, string category)
    {
        Assert.Equal(category, ModelFailure.Category(ModelFailure.Classify(failure)));
    }

    [Fact]
    public void Parse_TheDocumentedReasoningModelRefusal_RefusesTheParameter()
    {
        var body = ModelErrorBody.Parse("""{"error":{"message":"Unsupported value: 'temperature' does not support 0 with this model.","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}}""");

        Assert.Equal((true, false), (body!.Refuses("temperature"), body.Refuses("max_tokens")));
    }
}
