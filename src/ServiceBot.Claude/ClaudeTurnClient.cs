using System.Runtime.CompilerServices;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace ServiceBot.Claude;

/// <summary>
/// One reply's view of the shared Claude client. Per model call it moves the prompt-cache breakpoint to the end of
/// the conversation (so the next turn of the tool loop reads everything before it from the cache), keeps the tool
/// definitions on the invoker's final, tool-less call (the API wants them whenever tool blocks are in the history),
/// and watches the stream: a silence longer than the idle limit, or an end without <c>message_stop</c>, is a cut
/// stream and fails the call rather than passing off half an answer as a whole one.
/// </summary>
internal sealed class ClaudeTurnClient(IChatClient inner, ClaudeOptions settings, TimeProvider time) : IChatClient
{
    private IList<AITool>? _tools;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IList<ChatMessage> list = messages as IList<ChatMessage> ?? messages.ToList();
        options = KeepTools(list, options);
        MoveCacheBreakpoint(list);

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using ITimer watchdog = time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), idle, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        IAsyncEnumerator<ChatResponseUpdate> updates = inner.GetStreamingResponseAsync(list, options, idle.Token).GetAsyncEnumerator(idle.Token);
        bool stopped = false;
        try
        {
            while (true)
            {
                watchdog.Change(settings.StreamIdleTimeout, Timeout.InfiniteTimeSpan);
                bool more;
                try
                {
                    more = await updates.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    ClaudeMetrics.StreamCut("idle");
                    throw new TimeoutException($"Claude sent nothing for {settings.StreamIdleTimeout.TotalSeconds:F0} s.");
                }

                watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                if (!more)
                {
                    break;
                }

                ChatResponseUpdate update = updates.Current;
                stopped |= update.RawRepresentation is RawMessageStreamEvent { Value: RawMessageStopEvent };
                yield return Detached(update);
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        if (!stopped)
        {
            ClaudeMetrics.StreamCut("no_message_stop");
            throw new IOException("Claude's answer ended before message_stop.");
        }
    }

    /// <summary>
    /// The update without the SDK's event behind it. The function invoker keeps every update of a model turn until
    /// the turn ends; with the SDK's events attached (a few JSON documents each) that was about 100 KB per answer in
    /// flight, all of it surviving into the next collection and lengthening every pause.
    /// </summary>
    private static ChatResponseUpdate Detached(ChatResponseUpdate update)
    {
        update.RawRepresentation = null;
        foreach (AIContent content in update.Contents)
        {
            content.RawRepresentation = null;
        }

        return update;
    }

    public object? GetService(System.Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : inner.GetService(serviceType!, serviceKey);

    public void Dispose()
    {
        // The inner client is shared by every reply and lives as long as the process.
    }

    private ChatOptions? KeepTools(IList<ChatMessage> messages, ChatOptions? chatOptions)
    {
        if (chatOptions?.Tools is { Count: > 0 } tools)
        {
            _tools ??= tools;
            return chatOptions;
        }

        if (_tools is null || !messages.Any(m => m.Contents.Any(c => c is FunctionCallContent or FunctionResultContent)))
        {
            return chatOptions;
        }

        // The invoker's last call after the turn limit drops the tools so the model must answer in words; tool_choice
        // "none" says the same while keeping the definitions the tool blocks in the history refer to.
        ChatOptions last = chatOptions?.Clone() ?? new ChatOptions();
        last.Tools = _tools;
        last.ToolMode = ChatToolMode.None;
        return last;
    }

    private static void MoveCacheBreakpoint(IList<ChatMessage> messages)
    {
        // Two breakpoints in all: the stable system prompt (set once by the model) and the end of the conversation.
        foreach (ChatMessage message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue;
            }

            foreach (AIContent content in message.Contents)
            {
                content.WithCacheControl((CacheControlEphemeral?)null);
            }
        }

        if (messages.Count > 0 && messages[^1] is { Role: var role } last && role != ChatRole.System
            && last.Contents.LastOrDefault(c => c is TextContent or FunctionResultContent or FunctionCallContent) is { } end)
        {
            end.WithCacheControl(new CacheControlEphemeral());
        }
    }
}
