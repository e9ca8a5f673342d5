using RagApi.Answers;
using RagApi.Documents;
using RagApi.Infrastructure;
using RagApi.Search;
using RagApi.Widget;

var builder = WebApplication.CreateBuilder(args);

builder.AddKnowledge();
builder.AddModels();
builder.AddSeedingOnStart();
builder.AddApiProblems();
builder.AddHealth();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseApiProblems();
app.MapOpenApi();
app.MapHealth();
app.MapAnswers();
app.MapSearch();
app.MapDocuments();
app.MapWidget();

app.Run();
