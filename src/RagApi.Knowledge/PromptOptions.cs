using Microsoft.Extensions.Options;

namespace RagApi.Knowledge;

/// <summary>The <c>Prompts</c> section: the folder of prompt, disclaimer and no-evidence texts, read at start.</summary>
internal sealed class PromptOptions
{
    public const string Section = "Prompts";

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Prompts:Path must name the prompts folder.")]
    public string Path { get; set; } = "prompts";
}

[OptionsValidator]
internal sealed partial class PromptOptionsValidator : IValidateOptions<PromptOptions>;
