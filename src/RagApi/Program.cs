using RagApi.Answers;
using RagApi.Documents;
using RagApi.Infrastructure;
using RagApi.Infrastructure.ApiDocs;
using RagApi.Infrastructure.Lifecycle;
using RagApi.Infrastructure.Limits;
using RagApi.Infrastructure.Observability;
using RagApi.Infrastructure.Security;
using RagApi.Search;
using RagApi.Widget;

var builder = WebApplication.CreateBuilder(args);

builder.AddKnowledge();
builder.AddModels();
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
app.UseCorsAllowlist();
app.UseApiKeys();
app.UseRateLimits();
app.UseRequestLimits();
app.UseReadinessGate();
app.MapApiDocs();
app.MapHealth();
app.MapAnswers();
app.MapSearch();
app.MapDocuments();
app.MapWidget();

app.Run();
