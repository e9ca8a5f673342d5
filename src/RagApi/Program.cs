using RagApi.Answers;
using RagApi.Documents;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Knowledge;
using RagApi.Search;
using RagApi.Widget;

var builder = WebApplication.CreateBuilder(args);

builder.AddKnowledge();
builder.AddSeedingOnStart();
builder.AddApiProblems();
builder.AddHealth();
builder.AddGracefulShutdown();
builder.AddApiKeys();
builder.AddRateLimits();
builder.AddCorsAllowlist();
builder.AddRequestLimits();
builder.AddTelemetry();
builder.AddApiDocs();
builder.AddAnswers();

var app = builder.Build();

app.UseApiProblems();
app.UseRouting();
app.UseCorsAllowlist();
app.UseApiKeys();
app.UseRateLimits();
app.UseRequestLimits();
app.UseReadinessGate();
app.MapApiDocs();
app.MapHealth();
app.MapApiV1().MapAnswers().MapSearch().MapDocuments();
app.MapWidget();

app.Run();
