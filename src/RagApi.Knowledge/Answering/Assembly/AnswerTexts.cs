namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>Texts written for this project and kept in prompts/, loaded once at start.</summary>
public sealed record AnswerTexts(string Disclaimer, string InsufficientEvidence)
{
    public const string DisclaimerFile = "disclaimer.md";
    public const string InsufficientEvidenceFile = "insufficient-evidence.md";

    public static AnswerTexts Load(string promptsFolder)
    {
        string Read(string name)
        {
            var path = Path.Combine(promptsFolder, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"The prompt file '{path}' is missing; set Prompts:Path to the prompts folder.", path);
            var text = File.ReadAllText(path).Trim();
            if (text.Length == 0) throw new InvalidDataException($"The prompt file '{path}' is empty.");
            return text;
        }
        return new AnswerTexts(Read(DisclaimerFile), Read(InsufficientEvidenceFile));
    }
}
