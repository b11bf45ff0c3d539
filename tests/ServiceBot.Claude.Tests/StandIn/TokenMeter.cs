using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ServiceBot.Claude.Tests.StandIn;

/// <summary>
/// Counts a request's tokens and plays Anthropic's prompt cache. The prompt is the blocks in the API's cache order
/// (tools, then system, then messages); a block with <c>cache_control</c> is a breakpoint. A breakpoint whose prefix
/// was written before is a cache read, looking back up to 20 blocks as the API does; the rest of the prefix up to
/// the last breakpoint is a cache write; what follows is plain input. Tokens are estimated at about three
/// characters each, on the JSON of tool definitions and tool calls and on the text of everything else.
/// </summary>
public sealed class TokenMeter
{
    private const int Lookback = 20;
    private readonly HashSet<string> _cached = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Prefixes shorter than this are not cached, as the API skips them.</summary>
    public int MinimumCacheableTokens { get; init; }

    public static long Estimate(string text) => (text.Length + 2) / 3;

    public (long Input, long CacheRead, long CacheWrite) Measure(JsonObject body)
    {
        var blocks = new List<(string Text, bool Breakpoint)>();
        foreach (JsonNode? tool in body["tools"]?.AsArray() ?? [])
        {
            blocks.Add((tool!.ToJsonString(), tool["cache_control"] is not null));
        }

        switch (body["system"])
        {
            case JsonValue system:
                blocks.Add(((string)system!, false));
                break;
            case JsonArray system:
                blocks.AddRange(system.Select(b => ((string?)b!["text"] ?? "", b["cache_control"] is not null)));
                break;
        }

        foreach (JsonNode? message in body["messages"]!.AsArray())
        {
            switch (message!["content"])
            {
                case JsonValue text:
                    blocks.Add(((string)text!, false));
                    break;
                case JsonArray content:
                    blocks.AddRange(content.Select(b => (BlockText(b!.AsObject()), b!["cache_control"] is not null)));
                    break;
            }
        }

        var prefixTokens = new long[blocks.Count];
        var prefixKeys = new string[blocks.Count];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            total += Estimate(blocks[i].Text) + 3;
            prefixTokens[i] = total;
            hash.AppendData(Encoding.UTF8.GetBytes(blocks[i].Text + "\u0001"));
            prefixKeys[i] = Convert.ToHexString(hash.GetCurrentHash());
        }

        int[] breakpoints = Enumerable.Range(0, blocks.Count).Where(i => blocks[i].Breakpoint).ToArray();
        lock (_lock)
        {
            int hit = -1;
            foreach (int breakpoint in breakpoints)
            {
                for (int j = breakpoint; j >= Math.Max(0, breakpoint - Lookback); j--)
                {
                    if (_cached.Contains(prefixKeys[j]))
                    {
                        hit = Math.Max(hit, j);
                        break;
                    }
                }
            }

            long read = hit < 0 ? 0 : prefixTokens[hit];
            long written = 0;
            foreach (int breakpoint in breakpoints.Where(b => b > hit && prefixTokens[b] >= MinimumCacheableTokens))
            {
                _cached.Add(prefixKeys[breakpoint]);
                written = prefixTokens[breakpoint] - read;
            }

            return (total - read - written, read, written);
        }
    }

    private static string BlockText(JsonObject block) => (string?)block["type"] switch
    {
        "text" => (string?)block["text"] ?? "",
        "tool_use" => (string?)block["name"] + block["input"]?.ToJsonString(),
        "tool_result" => block["content"] is JsonValue v ? (string)v! : block["content"]?.ToJsonString() ?? "",
        _ => block.ToJsonString(),
    };
}
