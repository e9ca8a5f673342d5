using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class PromptTemplateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Load_TheProjectsPrompts_Succeeds()
    {
        var prompts = GenerationPrompts.Load(Path.Combine(RepositoryPaths.Root, "prompts"));

        Assert.Equal(("answer-rules.md", "answer.md", "condense-question-rules.md", "condense-question.md"),
            (prompts.AnswerRules.Name, prompts.Answer.Name, prompts.CondenseRules.Name, prompts.CondenseQuestion.Name));
    }

    [Fact]
    public void Load_MissingPlaceholder_FailsNamingIt()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "p.md"), "Answer {{question}} only.");

        var error = Assert.Throws<InvalidDataException>(() => PromptTemplate.Load(_folder.Root, "p.md", "passages", "question"));

        Assert.Contains("missing: passages", error.Message);
    }

    [Fact]
    public void Load_UnknownPlaceholder_FailsNamingIt()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "p.md"), "{{passages}} {{question}} {{qeustion}}");

        var error = Assert.Throws<InvalidDataException>(() => PromptTemplate.Load(_folder.Root, "p.md", "passages", "question"));

        Assert.Contains("unknown: qeustion", error.Message);
    }

    [Fact]
    public void Load_MissingFile_FailsNamingThePath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PromptTemplate.Load(_folder.Root, "absent.md", "question"));

        Assert.Contains("absent.md", error.Message);
    }

    [Fact]
    public void Render_PlaceholderTextInsideAValue_IsLeftAsText()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "p.md"), "P: {{passages}}\nQ: {{question}}");
        var template = PromptTemplate.Load(_folder.Root, "p.md", "passages", "question");

        var text = template.Render(new Dictionary<string, string> { ["passages"] = "see {{question}}", ["question"] = "Why?" });

        Assert.Equal("P: see {{question}}\nQ: Why?", text);
    }

    public void Dispose() => _folder.Dispose();
}
