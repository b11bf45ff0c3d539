using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Claude;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Bench;
using ServiceBot.Core.Conversations;
using ServiceBot.Testing;

namespace ServiceBot.ClaudeBench;

/// <summary>
/// Two measurements against the Messages API stand-in, through the real server and real WebSockets:
/// the server's own overhead on the Claude path under concurrent conversations, and the tokens (so the cost)
/// of typical three-message conversations with the real system prompt, tools and history.
/// </summary>
internal static partial class ClaudeBench
{
    private const string Answer =
        "Yes, your living room speaker is on and online. The volume is at 50 and nothing is playing right now. Would you like me to play some music or change the volume?";

    // Claude Haiku 5.5 list prices per million tokens, for prompts up to 100,000 tokens.
    private const double InputPrice = 0.10;
    private const double OutputPrice = 0.50;
    private const double CacheWritePrice = 0.125;
    private const double CacheReadPrice = 0.01;

    public static async Task<int> RunAsync(string[] args)
    {
        int conversations = (int)BenchArguments.Number(args, "--conversations", 32);
        TimeSpan duration = TimeSpan.FromSeconds(BenchArguments.Number(args, "--seconds", 10));
        // Long enough for the JIT to tier up the server's paths, so the figures are a running server's, not its first seconds'.
        TimeSpan warmup = TimeSpan.FromSeconds(BenchArguments.Number(args, "--warmup", 10));
        int costConversations = (int)BenchArguments.Number(args, "--cost-conversations", 5);
        TimeSpan pace = TimeSpan.FromMilliseconds(BenchArguments.Number(args, "--delta-ms", 10));
        // Real streams are independent: a model's tokens come at uneven intervals. Paced alike, the stand-in's streams fall
        // into step and reach the server in bursts; that worst case is measured too unless one jitter is asked for.
        TimeSpan[] jitters = BenchArguments.Text(args, "--jitter-ms") is { } asked
            ? [TimeSpan.FromMilliseconds(double.Parse(asked, CultureInfo.InvariantCulture))]
            : [TimeSpan.FromMilliseconds(pace.TotalMilliseconds / 2), TimeSpan.Zero];
        if (BenchArguments.Number(args, "--min-threads", 0) is > 0 and var threads)
        {
            ThreadPool.SetMinThreads((int)threads, (int)threads);
        }

        string serverDll = BenchArguments.ServerDll(args);
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/ServiceBot.Server ({serverDll} is missing).");
            return 2;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; the server in its own process, the stand-in and the clients in the bench's, over loopback.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Server overhead on the Claude path: {conversations} concurrent conversations, each answer {MessagesApiStandIn.Pieces(Answer).Count()} text pieces about {pace.TotalMilliseconds:F0} ms apart; {duration.TotalSeconds:F0} s measured after {warmup.TotalSeconds:F0} s warm-up per row.");
        report.AppendLine();
        report.AppendLine("| text pieces arrive | answers | first byte -> first `delta`: p50 / p99 / max ms | `message_stop` -> `message`: p50 / p99 / max ms |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (TimeSpan jitter in jitters)
        {
            (double[] deltas, double[] finals) = await OverheadAsync(serverDll, conversations, warmup, duration, pace, jitter);
            string streams = jitter > TimeSpan.Zero
                ? $"independently, {pace.TotalMilliseconds:F0} ± {jitter.TotalMilliseconds:F0} ms apart"
                : $"in step, exactly {pace.TotalMilliseconds:F0} ms apart (bursts)";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {streams} | {deltas.Length} | {Percentile(deltas, 0.50):F2} / {Percentile(deltas, 0.99):F2} / {deltas[^1]:F2} | {Percentile(finals, 0.50):F2} / {Percentile(finals, 0.99):F2} / {finals[^1]:F2} |");
            Console.Error.WriteLine($"  {streams}: done");
        }

        report.AppendLine();
        if (costConversations > 0)
        {
            await CostAsync(report, costConversations);
        }
        Console.WriteLine(report.ToString());
        return 0;
    }

    /// <summary>The two intervals, in milliseconds, sorted, for every answer in the measured window.</summary>
    private static async Task<(double[] FirstDelta, double[] Message)> OverheadAsync(string serverDll, int conversations, TimeSpan warmup, TimeSpan duration, TimeSpan pace, TimeSpan jitter)
    {
        await using MessagesApiStandIn api = await MessagesApiStandIn.StartAsync();
        api.KeepRequests = false; // the timings below are all this part needs; keeping every body skewed its GC pauses
        var byMarker = new ConcurrentDictionary<string, RecordedRequest>(StringComparer.Ordinal);
        api.Responder = request =>
        {
            byMarker[Marker(request.LastUserText)] = request;
            return ScriptedReply.Text(Answer) with { DeltaDelay = pace, DeltaJitter = jitter };
        };
        // The server runs in its own process, as it does in production: its pauses are its own, and the stand-in's
        // and the clients' collections (this process) do not stop it.
        string database = Path.Combine(Path.GetTempPath(), $"servicebot-claudebench-{Guid.NewGuid():N}.db");
        await using ServerProcess server = await ServerProcess.StartAsync(serverDll, [], new Dictionary<string, string>
        {
            ["ServiceBot__DatabasePath"] = database,
            ["ServiceBot__RateLimit__PermitLimit"] = "0",
            ["ANTHROPIC_API_KEY"] = MessagesApiStandIn.ApiKey,
            ["ANTHROPIC_BASE_URL"] = api.BaseUrl.ToString(),
        });

        string[] customers = ["cust_001", "cust_002", "cust_003"];
        var sockets = new ChatSocket[conversations];
        for (int i = 0; i < conversations; i++)
        {
            sockets[i] = await ChatSocket.ConnectAsync($"127.0.0.1:{server.Port}", customers[i % customers.Length]);
        }

        var firstDelta = new ConcurrentBag<double>();
        var final = new ConcurrentBag<double>();
        int measuring = 0;
        using var stop = new CancellationTokenSource();
        Task[] loops = sockets.Select((socket, index) => Task.Run(async () =>
        {
            for (int sequence = 0; !stop.IsCancellationRequested; sequence++)
            {
                string marker = $"{index}-{sequence}";
                (long delta, long message, JsonObject frame) = await socket.AskAsync($"is my speaker on? [bench {marker}]", null, CancellationToken.None);
                if ((string?)frame["source"] != "claude")
                {
                    throw new InvalidOperationException("The bench expects Claude's answers: " + frame.ToJsonString());
                }

                if (Volatile.Read(ref measuring) == 1 && byMarker.TryRemove(marker, out RecordedRequest? request))
                {
                    firstDelta.Add(Stopwatch.GetElapsedTime(request.FirstByteAt, delta).TotalMilliseconds);
                    final.Add(Stopwatch.GetElapsedTime(request.MessageStopAt, message).TotalMilliseconds);
                }
                else
                {
                    byMarker.TryRemove(marker, out _);
                }
            }
        })).ToArray();

        await Task.Delay(warmup);
        Volatile.Write(ref measuring, 1);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 0);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        foreach (ChatSocket socket in sockets)
        {
            await socket.DisposeAsync();
        }

        await server.DisposeAsync();
        DatabaseFiles.Delete(database);

        return ([.. firstDelta.Order()], [.. final.Order()]);
    }

    private static async Task CostAsync(StringBuilder report, int perCustomer)
    {
        await using MessagesApiStandIn api = await MessagesApiStandIn.StartAsync();
        api.Responder = TypicalConversation;
        await using BenchServer server = await BenchServer.StartAsync(api.BaseUrl, MessagesApiStandIn.ApiKey);

        string[] customers = ["cust_001", "cust_002", "cust_003"];
        string[] messages = ["Is my speaker on right now?", "Yes, play some jazz on it please", "Can you make it a bit louder?"];
        var conversationIds = new List<string>();
        foreach (string customer in customers)
        {
            for (int n = 0; n < perCustomer; n++)
            {
                await using ChatSocket socket = await ChatSocket.ConnectAsync(server.Authority, customer);
                string? conversation = null;
                foreach (string text in messages)
                {
                    (_, _, JsonObject frame) = await socket.AskAsync(text, conversation, CancellationToken.None);
                    conversation = (string)frame["conversationId"]!;
                }

                conversationIds.Add(conversation!);
            }
        }

        IReadOnlyList<RecordedRequest> requests = api.Requests;
        int count = conversationIds.Count;
        double input = requests.Sum(r => r.Usage!.InputTokens) / (double)count;
        double output = requests.Sum(r => r.Usage!.OutputTokens) / (double)count;
        double read = requests.Sum(r => r.Usage!.CacheReadTokens) / (double)count;
        double written = requests.Sum(r => r.Usage!.CacheWriteTokens) / (double)count;
        double firstPrompt = requests.Take(1).Sum(r => r.Usage!.InputTokens + r.Usage.CacheReadTokens + r.Usage.CacheWriteTokens);

        // The stored replies carry the same counts: what the operator would sum from the Messages table.
        IMessageStore store = server.Services.GetRequiredService<IMessageStore>();
        long storedTokens = 0;
        foreach (string id in conversationIds)
        {
            foreach (StoredMessage message in await store.GetConversationAsync(id, 20, CancellationToken.None))
            {
                storedTokens += message.Usage is { } u ? u.InputTokens + u.OutputTokens + u.CacheReadTokens + u.CacheWriteTokens : 0;
            }
        }

        double cached = Dollars(input, output, read, written) * 1000;
        double uncached = Dollars(input + read + written, output, 0, 0) * 1000;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Typical conversation: 3 customer messages (status, play music, louder), each a tool call and an answer, so 6 model calls; {count} conversations over the 3 sample customers; {requests.Count} requests measured by the stand-in (about 3 characters a token); first request's prompt {firstPrompt:F0} tokens; stored usage matches the stand-in's: {storedTokens == requests.Sum(r => r.Usage!.InputTokens + r.Usage.OutputTokens + r.Usage.CacheReadTokens + r.Usage.CacheWriteTokens)}.");
        report.AppendLine();
        report.AppendLine("| tokens per conversation | input | cache write | cache read | output |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| measured | {input:F0} | {written:F0} | {read:F0} | {output:F0} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Cost of 1,000 typical conversations on {ClaudeOptions.DefaultModel} (${InputPrice}/${OutputPrice} per MTok in/out, cache write ${CacheWritePrice}, cache read ${CacheReadPrice}): **${cached:F2}** with prompt caching as measured; **${uncached:F2}** if nothing is cached.");
    }

    /// <summary>What a model would do in the typical conversation: one tool call per message, then a short answer.</summary>
    private static ScriptedReply TypicalConversation(RecordedRequest request)
    {
        string device = DeviceId().Match(request.SystemText).Groups[1].Value;
        int step = request.Messages.Count(m => (string?)m!["role"] == "user" && RecordedRequest.TextOf(m.AsObject()).Length > 0);
        if (request.ToolResults.Count > 0)
        {
            return ScriptedReply.Text(step switch
            {
                1 => "Yes, your speaker is on and online, with the volume at 50. Would you like me to play something?",
                2 => "Done: jazz is now playing on your speaker. Enjoy!",
                _ => "I turned it up by 10, so it's at 60 now. Let me know if you want it louder still.",
            });
        }

        return step switch
        {
            1 => ScriptedReply.Tools(("get_device_status", new { deviceId = device })),
            2 => ScriptedReply.Tools(("play_music", new { deviceId = device, music = "jazz" })),
            _ => ScriptedReply.Tools(("change_volume", new { deviceId = device, step = 10 })),
        };
    }

    private static double Dollars(double input, double output, double read, double written) =>
        (input * InputPrice + output * OutputPrice + read * CacheReadPrice + written * CacheWritePrice) / 1_000_000;

    private static string Marker(string text)
    {
        int start = text.IndexOf("[bench ", StringComparison.Ordinal);
        return start < 0 ? "" : text[(start + 7)..text.IndexOf(']', start)];
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("\"id\":\"(dev_[0-9]+)\"")]
    private static partial Regex DeviceId();
}
