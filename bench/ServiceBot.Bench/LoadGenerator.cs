using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ServiceBot.Bench;

internal sealed record LoadResult(int Connections, double ExchangesPerSecond, double P50Ms, double P99Ms, long Exchanges)
{
    /// <summary>Further percentiles, for looking into a tail: p90, p95, p99.9 and the slowest.</summary>
    public string Tail { get; init; } = "";
}

/// <summary>
/// Closed-loop load shaped like the web front end: every sendMessage carries a fresh clientMessageId, and every one
/// after a conversation's first carries the conversationId its ack gave; after <see cref="TurnsPerConversation"/>
/// exchanges a connection starts a new conversation. Each connection waits for its final <c>message</c> frame
/// before sending the next.
/// </summary>
internal static class LoadGenerator
{
    public const int TurnsPerConversation = 20;

    public const string Message = "is my speaker on?";

    private static readonly string[] Customers = ["cust_001", "cust_002", "cust_003"];

    public static async Task<LoadResult> RunAsync(int port, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var sockets = new ClientWebSocket[connections];
        for (int i = 0; i < connections; i++)
        {
            sockets[i] = new ClientWebSocket();
            await sockets[i].ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws?customerId={Customers[i % Customers.Length]}"), CancellationToken.None);
        }

        var latencies = new List<double>[connections];
        var measuring = new Flag();
        using var stop = new CancellationTokenSource();
        Task[] loops = sockets.Select((s, i) => Loop(s, latencies[i] = [], measuring, stop.Token)).ToArray();

        await Task.Delay(warmup);
        measuring.On = true;
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        measuring.On = false;
        double seconds = clock.Elapsed.TotalSeconds;
        stop.Cancel();
        await Task.WhenAll(loops);

        foreach (ClientWebSocket socket in sockets)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may already be closing.
            }

            socket.Dispose();
        }

        double[] all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(connections, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length)
        {
            Tail = string.Create(CultureInfo.InvariantCulture,
                $"p90 {Percentile(all, 0.90):F2}, p95 {Percentile(all, 0.95):F2}, p99.9 {Percentile(all, 0.999):F2}, max {(all.Length > 0 ? all[^1] : double.NaN):F2} ms"),
        };
    }

    /// <summary>The frame the web front end sends: <c>conversationId</c> once the conversation has one, always a new <c>clientMessageId</c>.</summary>
    public static byte[] SendMessageFrame(string text, string? conversationId, string clientMessageId) =>
        Encoding.UTF8.GetBytes(conversationId is null
            ? $"{{\"action\":\"sendMessage\",\"message\":\"{text}\",\"clientMessageId\":\"{clientMessageId}\"}}"
            : $"{{\"action\":\"sendMessage\",\"message\":\"{text}\",\"conversationId\":\"{conversationId}\",\"clientMessageId\":\"{clientMessageId}\"}}");

    private static async Task Loop(ClientWebSocket socket, List<double> latencies, Flag measuring, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        string? conversationId = null;
        int turn = 0;
        while (!stop.IsCancellationRequested)
        {
            if (turn++ == TurnsPerConversation)
            {
                conversationId = null;
                turn = 1;
            }

            byte[] frame = SendMessageFrame(Message, conversationId, Guid.NewGuid().ToString("N"));
            long started = Stopwatch.GetTimestamp();
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                ReadOnlySpan<byte> text = buffer.AsSpan(0, length);
                if (text.IndexOf("\"type\":\"message\""u8) >= 0)
                {
                    break;
                }

                if (conversationId is null && text.IndexOf("\"type\":\"ack\""u8) >= 0)
                {
                    conversationId = ConversationIdOf(text);
                }

                if (text.IndexOf("\"type\":\"error\""u8) >= 0)
                {
                    throw new InvalidOperationException("The server answered an error: " + Encoding.UTF8.GetString(text));
                }
            }

            if (measuring.On)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private static string? ConversationIdOf(ReadOnlySpan<byte> frame)
    {
        ReadOnlySpan<byte> key = "\"conversationId\":\""u8;
        int start = frame.IndexOf(key);
        if (start < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = frame[(start + key.Length)..];
        return Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class Flag
    {
        public volatile bool On;
    }
}
