namespace RagApi.Knowledge.Models;

/// <summary>A chat request: the rules as the system message, the data and the question as the user message.</summary>
public sealed record ChatPrompt(string System, string User);

/// <summary>Why the model stopped writing.</summary>
public enum ModelFinish
{
    Stop,

    /// <summary>The output token limit cut the reply: its last statement may be incomplete.</summary>
    Length,

    /// <summary>The server's content filter withheld part of the reply.</summary>
    ContentFilter,
}

public sealed record ModelReply(string Content, ModelFinish Finish);

/// <summary>A piece of a streamed reply: text, or (last) the reason the model stopped.</summary>
public sealed record ModelDelta(string Text, ModelFinish? Finish = null);
