using Microsoft.Extensions.Options;

namespace RagApi.Knowledge.Models;

/// <summary>Fails the start with every missing model setting named, rather than the first request.</summary>
internal sealed class ModelSettingsValidator(
    IOptions<EmbeddingOptions> embeddings,
    IOptions<AzureOpenAIOptions> azure,
    IOptions<OpenAIOptions> openAI) : IValidateOptions<GenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options)
    {
        var problems = ModelSettings.Problems(options, embeddings.Value, azure.Value, openAI.Value);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

[OptionsValidator]
internal sealed partial class GenerationOptionsValidator : IValidateOptions<GenerationOptions>;

[OptionsValidator]
internal sealed partial class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>;

[OptionsValidator]
internal sealed partial class AzureOpenAIOptionsValidator : IValidateOptions<AzureOpenAIOptions>;

[OptionsValidator]
internal sealed partial class OpenAIOptionsValidator : IValidateOptions<OpenAIOptions>;
