using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceBot.Claude.Tests.StandIn;

/// <summary>One content block of a scripted assistant message: text, or a tool call with its input.</summary>
public abstract record ScriptedBlock;

public sealed record TextBlock(string Text) : ScriptedBlock;

public sealed record ToolUseBlock(string Name, JsonObject Input) : ScriptedBlock
{
    public string Id { get; init; } = "toolu_" + Guid.NewGuid().ToString("N")[..24];
}

/// <summary>How a scripted stream ends early.</summary>
public enum StreamCut
{
    /// <summary>The connection is reset mid-body, as when a proxy or the network drops it.</summary>
    Reset,

    /// <summary>The body ends cleanly but before <c>message_stop</c>.</summary>
    EndEarly,

    /// <summary>An <c>error</c> event (<c>overloaded_error</c>) arrives inside the stream, as the API sends under load.</summary>
    ErrorEvent,
}

/// <summary>What the stand-in answers to one request: a streamed message, an API error, or silence.</summary>
public sealed record ScriptedReply
{
    public IReadOnlyList<ScriptedBlock> Blocks { get; init; } = [];

    public string StopReason { get; init; } = "end_turn";

    /// <summary>For an error: the HTTP status and the API's error type and message.</summary>
    public int? Status { get; init; }

    public string? ErrorType { get; init; }

    public string ErrorMessage { get; init; } = "";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Stop the stream after this many events (message_start is the first).</summary>
    public int? CutAfterEvents { get; init; }

    public StreamCut Cut { get; init; } = StreamCut.Reset;

    /// <summary>Never answer: the request waits until the client gives up.</summary>
    public bool Hang { get; init; }

    /// <summary>Pause between streamed text pieces, as a model writing at its own pace.</summary>
    public TimeSpan DeltaDelay { get; init; }

    /// <summary>
    /// How far each pause may stray from <see cref="DeltaDelay"/>, either way, drawn at random: a model's tokens do not
    /// arrive on a metronome, and many streams paced alike fall into step and reach the client all at once.
    /// </summary>
    public TimeSpan DeltaJitter { get; init; }

    /// <summary>The pause before the next text piece.</summary>
    public TimeSpan NextDeltaDelay() => DeltaJitter <= TimeSpan.Zero
        ? DeltaDelay
        : DeltaDelay + (DeltaJitter * ((Random.Shared.NextDouble() * 2) - 1));

    public static ScriptedReply Text(string text) => new() { Blocks = [new TextBlock(text)] };

    public static ScriptedReply Tools(params (string Name, object Input)[] calls) => Tools(null, calls);

    /// <summary>Optional words first ("Let me check."), then the tool calls, ending the turn with <c>tool_use</c>.</summary>
    public static ScriptedReply Tools(string? preamble, params (string Name, object Input)[] calls)
    {
        var blocks = new List<ScriptedBlock>();
        if (preamble is not null)
        {
            blocks.Add(new TextBlock(preamble));
        }

        blocks.AddRange(calls.Select(c => new ToolUseBlock(c.Name, JsonSerializer.SerializeToNode(c.Input)!.AsObject())));
        return new ScriptedReply { Blocks = blocks, StopReason = "tool_use" };
    }

    public static ScriptedReply Overloaded(int? retryAfterSeconds = null) => Error(529, "overloaded_error", "Overloaded", retryAfterSeconds);

    public static ScriptedReply RateLimited(int retryAfterSeconds) =>
        Error(429, "rate_limit_error", "This request would exceed the rate limit for your organization of 50 output tokens per minute.", retryAfterSeconds);

    public static ScriptedReply ServerError() => Error(500, "api_error", "Internal server error");

    public static ScriptedReply Error(int status, string type, string message, int? retryAfterSeconds = null) => new()
    {
        Status = status,
        ErrorType = type,
        ErrorMessage = message,
        Headers = retryAfterSeconds is { } seconds
            ? new Dictionary<string, string> { ["retry-after"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>(),
    };

    public static ScriptedReply Silence() => new() { Hang = true };
}
