using System.Text.Json.Nodes;

namespace ServiceBot.Claude.Tests.StandIn;

/// <summary>A request the stand-in received, as it arrived, and the usage it reported back.</summary>
public sealed record RecordedRequest(JsonObject Body, IReadOnlyDictionary<string, string> Headers, long ReceivedAt)
{
    public ReportedUsage? Usage { get; set; }

    /// <summary>When the first bytes of the streamed answer were flushed, and when <c>message_stop</c> was (Stopwatch ticks).</summary>
    public long FirstByteAt { get; set; }

    public long MessageStopAt { get; set; }

    public JsonArray Messages => Body["messages"]!.AsArray();

    public JsonArray Tools => Body["tools"]?.AsArray() ?? [];

    public IEnumerable<string> ToolNames => Tools.Select(t => (string)t!["name"]!);

    /// <summary>The system prompt's text blocks.</summary>
    public IReadOnlyList<JsonObject> SystemBlocks => Body["system"] switch
    {
        JsonArray blocks => blocks.Select(b => b!.AsObject()).ToArray(),
        JsonValue text => [new JsonObject { ["type"] = "text", ["text"] = (string)text! }],
        _ => [],
    };

    public string SystemText => string.Join("\n", SystemBlocks.Select(b => (string?)b["text"]));

    /// <summary>Every tool_result block of the last user turn.</summary>
    public IReadOnlyList<JsonObject> ToolResults => Messages[^1]!["content"] is JsonArray content
        ? content.Select(c => c!.AsObject()).Where(c => (string?)c["type"] == "tool_result").ToArray()
        : [];

    /// <summary>The text of the last user turn (its text blocks joined).</summary>
    public string LastUserText => TextOf(Messages.Last(m => (string?)m!["role"] == "user")!.AsObject());

    public static string TextOf(JsonObject message) => message["content"] switch
    {
        JsonValue text => (string)text!,
        JsonArray blocks => string.Join("\n", blocks.Where(b => (string?)b!["type"] == "text").Select(b => (string?)b!["text"])),
        _ => "",
    };
}

/// <summary>The usage block the stand-in put in <c>message_start</c> and <c>message_delta</c>.</summary>
public sealed record ReportedUsage(long InputTokens, long OutputTokens, long CacheReadTokens, long CacheWriteTokens);
