using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Claude.Tests.StandIn;

/// <summary>
/// A stand-in for Anthropic's Messages API on a loopback port: real Kestrel, the API's request checks, its error
/// JSON and status codes, and its server-sent events (message_start, content_block_start, content_block_delta with
/// text_delta and input_json_delta, content_block_stop, message_delta, message_stop, ping, error). Each request takes
/// the next scripted reply, or asks <see cref="Responder"/>; every request is recorded with the usage reported back.
/// </summary>
public sealed class MessagesApiStandIn : IAsyncDisposable
{
    public const string ApiKey = "sk-ant-standin-key";
    private const int MaxCacheBreakpoints = 4;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private int _messageCount;

    private MessagesApiStandIn(WebApplication app, TokenMeter meter)
    {
        _app = app;
        Meter = meter;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public TokenMeter Meter { get; }

    /// <summary>Answers requests once the script is used up (the benchmark's endless conversations).</summary>
    public Func<RecordedRequest, ScriptedReply>? Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Whether <see cref="Requests"/> keeps every request (tests read them). A benchmark sending thousands turns it off:
    /// kept, their parsed bodies grew the process's heap until each garbage collection paused it for tens of milliseconds.
    /// </summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Requests the stand-in refused as the API would (bad shape, no script left): a test expecting none checks this is empty.</summary>
    public IReadOnlyList<string> Rejections => [.. _rejections];

    public static async Task<MessagesApiStandIn> StartAsync(int minimumCacheableTokens = 0, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var standIn = new MessagesApiStandIn(app, new TokenMeter { MinimumCacheableTokens = minimumCacheableTokens });
        app.MapPost("/v1/messages", standIn.HandleAsync);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address);
        return standIn;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (ScriptedReply reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        long received = Stopwatch.GetTimestamp();
        HttpResponse response = http.Response;
        response.Headers["request-id"] = "req_" + Guid.NewGuid().ToString("N")[..24];
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

        // The API takes the key as x-api-key or, as SDK 13 sends it, as a bearer token.
        string? key = headers.TryGetValue("x-api-key", out string? apiKey) ? apiKey
            : headers.TryGetValue("authorization", out string? bearer) && bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer[7..] : null;
        if (key != ApiKey)
        {
            await ErrorAsync(http, 401, "authentication_error", "invalid x-api-key");
            return;
        }

        if (!headers.ContainsKey("anthropic-version"))
        {
            await ErrorAsync(http, 400, "invalid_request_error", "anthropic-version: header is required");
            return;
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        }
        catch (JsonException ex)
        {
            await ErrorAsync(http, 400, "invalid_request_error", "There was an error parsing the body: " + ex.Message);
            return;
        }

        var request = new RecordedRequest(body, headers, received);
        if (KeepRequests)
        {
            _requests.Enqueue(request);
        }

        if (Validate(body) is { } problem)
        {
            _rejections.Enqueue(problem);
            await ErrorAsync(http, 400, "invalid_request_error", problem);
            return;
        }

        ScriptedReply? reply = _script.TryDequeue(out ScriptedReply? next) ? next : Responder?.Invoke(request);
        if (reply is null)
        {
            _rejections.Enqueue("no scripted reply left");
            await ErrorAsync(http, 400, "invalid_request_error", "stand-in: no scripted reply left for this request");
            return;
        }

        foreach ((string name, string value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (reply.Status is { } status)
        {
            await ErrorAsync(http, status, reply.ErrorType!, reply.ErrorMessage);
            return;
        }

        (long input, long read, long written) = Meter.Measure(body);
        long output = reply.Blocks.Sum(b => b switch
        {
            TextBlock t => TokenMeter.Estimate(t.Text),
            ToolUseBlock u => TokenMeter.Estimate(u.Name + u.Input.ToJsonString()) + 5,
            _ => 0,
        });
        request.Usage = new ReportedUsage(input, output, read, written);

        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, request, reply, (string)body["model"]!);
        }
        else
        {
            await http.Response.WriteAsJsonAsync(MessageObject((string)body["model"]!, reply, request.Usage, final: true), http.RequestAborted);
        }
    }

    /// <summary>The checks of the real API that our client could plausibly get wrong.</summary>
    private static string? Validate(JsonObject body)
    {
        if (body["model"] is not JsonValue model || string.IsNullOrEmpty((string?)model))
        {
            return "model: Field required";
        }

        if (body["max_tokens"] is not JsonValue maxTokens || maxTokens.GetValue<long>() < 1)
        {
            return "max_tokens: Field required";
        }

        // Removed in API version 2026-10-21: sending any of them is an error, even at the default value.
        if (new[] { "temperature", "top_p", "top_k" }.FirstOrDefault(body.ContainsKey) is { } sampling)
        {
            return $"{sampling}: Extra inputs are not permitted";
        }

        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return "messages: at least one message is required";
        }

        if ((string?)messages[0]!["role"] != "user")
        {
            return "messages: first message must use the \"user\" role";
        }

        bool toolBlocks = false;
        HashSet<string> openCalls = [];
        int breakpoints = (body["tools"]?.AsArray() ?? []).Count(t => t!["cache_control"] is not null)
            + (body["system"] as JsonArray ?? []).Count(b => b!["cache_control"] is not null);
        foreach (JsonNode? message in messages)
        {
            string? role = (string?)message!["role"];
            if (role is not ("user" or "assistant"))
            {
                return $"messages: role \"{role}\" is not \"user\" or \"assistant\"";
            }

            IEnumerable<JsonObject> content = message["content"] is JsonArray array ? array.Select(c => c!.AsObject()) : [];
            HashSet<string> calls = [];
            foreach (JsonObject block in content)
            {
                breakpoints += block["cache_control"] is null ? 0 : 1;
                switch ((string?)block["type"])
                {
                    case "tool_use":
                        toolBlocks = true;
                        calls.Add((string)block["id"]!);
                        break;
                    case "tool_result":
                        toolBlocks = true;
                        if (role != "user" || !openCalls.Remove((string)block["tool_use_id"]!))
                        {
                            return "messages: tool_result block(s) provided when previous message does not have a corresponding tool_use block";
                        }

                        break;
                }
            }

            if (role == "user" && openCalls.Count > 0)
            {
                return $"messages: tool_use ids were found without tool_result blocks immediately after: {string.Join(", ", openCalls)}";
            }

            openCalls = calls;
        }

        if (toolBlocks && body["tools"] is not JsonArray { Count: > 0 })
        {
            return "Requests which include `tool_use` or `tool_result` blocks must define tools.";
        }

        return breakpoints > MaxCacheBreakpoints
            ? $"A maximum of {MaxCacheBreakpoints} blocks with cache_control may be provided. Found {breakpoints}."
            : null;
    }

    private async Task StreamAsync(HttpContext http, RecordedRequest request, ScriptedReply reply, string model)
    {
        HttpResponse response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        CancellationToken aborted = http.RequestAborted;
        int sent = 0;
        bool flushed = false;

        // Events are buffered until a flush point, so the first text piece leaves in the same packet as message_start.
        async Task<bool> Send(string type, JsonObject data, bool flush)
        {
            if (reply.CutAfterEvents is { } cut && sent >= cut)
            {
                return false;
            }

            data["type"] = type;
            await response.WriteAsync($"event: {type}\ndata: {data.ToJsonString()}\n\n", aborted);
            sent++;
            if (flush)
            {
                // Taken just before the bytes leave, so a measured overhead errs on the long side.
                long now = Stopwatch.GetTimestamp();
                if (!flushed)
                {
                    flushed = true;
                    request.FirstByteAt = now;
                }

                if (type == "message_stop")
                {
                    request.MessageStopAt = now;
                }

                await response.Body.FlushAsync(aborted);
            }

            return true;
        }

        if (await SendMessageAsync(Send, reply, request.Usage!, model))
        {
            return;
        }

        await response.Body.FlushAsync(aborted);
        switch (reply.Cut)
        {
            case StreamCut.Reset:
                http.Abort();
                break;
            case StreamCut.ErrorEvent:
                await response.WriteAsync("event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n", aborted);
                await response.Body.FlushAsync(aborted);
                break;
            case StreamCut.EndEarly:
                break;
        }
    }

    private async Task<bool> SendMessageAsync(Func<string, JsonObject, bool, Task<bool>> send, ScriptedReply reply, ReportedUsage usage, string model)
    {
        var start = new JsonObject { ["message"] = MessageObject(model, reply, usage, final: false) };
        if (!await send("message_start", start, false))
        {
            return false;
        }

        for (int index = 0; index < reply.Blocks.Count; index++)
        {
            switch (reply.Blocks[index])
            {
                case TextBlock text:
                    if (!await send("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }, false))
                    {
                        return false;
                    }

                    if (index == 0 && !await send("ping", [], false))
                    {
                        return false;
                    }

                    foreach (string piece in Pieces(text.Text))
                    {
                        if (!await send("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } }, true))
                        {
                            return false;
                        }

                        if (reply.NextDeltaDelay() is { Ticks: > 0 } pause)
                        {
                            await Task.Delay(pause);
                        }
                    }

                    break;
                case ToolUseBlock tool:
                    var toolStart = new JsonObject
                    {
                        ["index"] = index,
                        ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = tool.Id, ["name"] = tool.Name, ["input"] = new JsonObject() },
                    };
                    if (!await send("content_block_start", toolStart, false))
                    {
                        return false;
                    }

                    // The API streams tool input as partial JSON strings that only parse once joined.
                    string json = tool.Input.ToJsonString();
                    foreach (string part in new[] { "" }.Concat(Chunk(json, 12)))
                    {
                        if (!await send("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = part } }, true))
                        {
                            return false;
                        }
                    }

                    break;
            }

            if (!await send("content_block_stop", new JsonObject { ["index"] = index }, true))
            {
                return false;
            }
        }

        var delta = new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = reply.StopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = usage.OutputTokens },
        };
        return await send("message_delta", delta, false) && await send("message_stop", [], true);
    }

    private JsonObject MessageObject(string model, ScriptedReply reply, ReportedUsage usage, bool final)
    {
        var content = new JsonArray();
        if (final)
        {
            foreach (ScriptedBlock block in reply.Blocks)
            {
                content.Add(block switch
                {
                    TextBlock t => new JsonObject { ["type"] = "text", ["text"] = t.Text },
                    ToolUseBlock u => new JsonObject { ["type"] = "tool_use", ["id"] = u.Id, ["name"] = u.Name, ["input"] = u.Input.DeepClone() },
                    _ => throw new InvalidOperationException(),
                });
            }
        }

        return new JsonObject
        {
            ["id"] = $"msg_{Interlocked.Increment(ref _messageCount):D4}{Guid.NewGuid():N}"[..28],
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = content,
            ["stop_reason"] = final ? reply.StopReason : null,
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = usage.InputTokens,
                ["cache_creation_input_tokens"] = usage.CacheWriteTokens,
                ["cache_read_input_tokens"] = usage.CacheReadTokens,
                ["output_tokens"] = final ? usage.OutputTokens : 1,
                ["service_tier"] = "standard",
            },
        };
    }

    private static async Task ErrorAsync(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            ["request_id"] = http.Response.Headers["request-id"].ToString(),
        };
        await http.Response.WriteAsync(error.ToJsonString(), http.RequestAborted);
    }

    /// <summary>Text in token-sized pieces: a word with its leading space, or a run of punctuation.</summary>
    internal static IEnumerable<string> Pieces(string text)
    {
        var piece = new StringBuilder();
        foreach (char c in text)
        {
            if (piece.Length > 0 && (c == ' ' || piece.Length >= 6))
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(c);
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static IEnumerable<string> Chunk(string text, int size)
    {
        for (int i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
