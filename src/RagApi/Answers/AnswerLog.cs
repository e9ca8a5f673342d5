using RagApi.Hosting.Telemetry;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Answers;

/// <summary>One structured line per answer; the question and answer text only when the clinical-text switch is on.</summary>
public sealed partial class AnswerLog(ILogger<AnswerLog> logger, ClinicalTextLogging clinicalText)
{
    public void Answered(ClinicalAnswer answer, TimeSpan elapsed)
    {
        LogAnswered(answer.Id, answer.Generator, answer.InsufficientEvidence, answer.Citations.Count, elapsed.TotalMilliseconds);
        if (clinicalText.Enabled) LogClinicalText(answer.Id, answer.Question, answer.StandaloneQuestion, answer.Answer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {AnswerId} with {Generator}, insufficient evidence {InsufficientEvidence}, {Citations} citations, {ElapsedMs:F1} ms")]
    private partial void LogAnswered(string answerId, string generator, bool insufficientEvidence, int citations, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer {AnswerId} text: question {Question}, standalone {StandaloneQuestion}, answer {AnswerText}")]
    private partial void LogClinicalText(string answerId, string question, string standaloneQuestion, string answerText);
}
