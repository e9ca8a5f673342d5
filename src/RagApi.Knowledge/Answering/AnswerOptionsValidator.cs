using Microsoft.Extensions.Options;

namespace RagApi.Knowledge.Answering;

[OptionsValidator]
internal sealed partial class AnswerOptionsValidator : IValidateOptions<AnswerOptions>;

/// <summary>Rules across fields, which attributes cannot state.</summary>
internal sealed class AnswerOptionsRules : IValidateOptions<AnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerOptions options) =>
        options.DefaultTopK <= options.MaxTopK
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Answers:DefaultTopK ({options.DefaultTopK}) must not exceed Answers:MaxTopK ({options.MaxTopK}).");
}
