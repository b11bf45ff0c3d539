namespace ServiceBot.Core.Agent;

/// <summary>What a tool call returns to the model: whether it ran, and a sentence saying what happened or why not.</summary>
public sealed record ToolOutcome(bool Executed, string Message)
{
    public static ToolOutcome Done(string message) => new(true, message);

    public static ToolOutcome Refused(string message) => new(false, message);
}
