using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The agent loop on Microsoft.Extensions.AI: the model plans, the function invoker runs the device tools
/// (every call through the gate), the text streams out as it is written. At most eight model turns per message.
/// When a remote model fails after its own retries, the offline assistant answers instead, so a customer is
/// never left without a complete reply.
/// </summary>
public sealed partial class ChatAgent(
    IAgentModel model,
    CustomerUpdater updater,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    Scheduling.JobScheduler? timers = null)
{
    public const int MaxModelTurns = 8;

    /// <summary>Streamed text goes out at most about once per this interval: one frame per token would flood slow clients.</summary>
    public static readonly TimeSpan DeltaInterval = TimeSpan.FromMilliseconds(30);

    private readonly ILogger _logger = loggerFactory.CreateLogger<ChatAgent>();

    // The offline assistant needs no network, so it is the fallback for any other model and has none itself.
    private readonly IAgentModel? _fallback = model is OfflineAgentModel ? null : new OfflineAgentModel();

    public async Task<AgentReply> ReplyAsync(AgentContext context, IAgentEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        using Activity? activity = ServiceBotTelemetry.ActivitySource.StartActivity("agent.reply");
        activity?.SetTag("servicebot.tier", context.Tier.Level);
        activity?.SetTag("servicebot.request_type", context.Analysis.RequestType);
        long started = time.GetTimestamp();

        ConversationContext conversation = ConversationContextBuilder.From(context.History, context.Customer);
        using var sink = new CoalescingEventSink(events, time, DeltaInterval);
        var toolbox = new DeviceToolbox(context, updater, sink, time) { Timers = timers };
        var usage = new UsageTally();

        string source = model.Source;
        string text;
        try
        {
            text = await RunAsync(model, context, conversation, toolbox, sink, usage, cancellationToken).ConfigureAwait(false);
            if (text.Length == 0 && _fallback is not null)
            {
                // A refusal or a turn limit can end a model's answer with no words; the customer still gets some.
                LogEmptyAnswer(_logger, model.Source, context.Customer.Id);
                AgentMetrics.FallbackUsed(model.Source, "empty_answer");
                (text, source) = (await FallbackAsync(context, conversation, toolbox, sink, usage, cancellationToken).ConfigureAwait(false), _fallback.Source);
            }
        }
        catch (Exception ex) when (_fallback is not null && !cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, ex, model.Source, context.Customer.Id);
            AgentMetrics.FallbackUsed(model.Source, ex.GetType().Name);
            activity?.AddEvent(new ActivityEvent("agent.fallback"));
            text = await FallbackAsync(context, conversation, toolbox, sink, usage, cancellationToken).ConfigureAwait(false);
            source = _fallback.Source;
        }

        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan elapsed = time.GetElapsedTime(started);
        ServiceBotTelemetry.AgentCompleted(elapsed, source);
        LogReplied(_logger, context.Customer.Id, source, toolbox.Actions.Count, elapsed.TotalMilliseconds);
        return new AgentReply(text, toolbox.Actions, source, TokenAccounting.From(usage.Total)) { TierRefusals = toolbox.TierRefusals };
    }

    private async Task<string> RunAsync(
        IAgentModel agentModel, AgentContext context, ConversationContext conversation, DeviceToolbox toolbox,
        CoalescingEventSink sink, UsageTally usage, CancellationToken cancellationToken)
    {
        (IList<AITool> offered, IList<AITool> hidden) = DeviceToolFunctions.For(context.Tier);
        // A model reads tool results in English and answers in the customer's language; the offline assistant answers
        // with the results themselves, so they are written in the customer's language.
        toolbox.MessageLanguage = agentModel is OfflineAgentModel ? context.Analysis.Language : Language.English;

        using IChatClient inner = agentModel.CreateClient(context, conversation);
        using var client = new FunctionInvokingChatClient(inner, loggerFactory)
        {
            // The invoker makes one last call without tools once this many have run, so the model always gets to answer:
            // seven with tools plus that one is the eight-turn limit.
            MaximumIterationsPerRequest = MaxModelTurns - 1,
            AdditionalTools = hidden,
            FunctionInvoker = DeviceToolFunctions.InvokerFor(toolbox),
            IncludeDetailedErrors = false,
        };

        ChatOptions options = agentModel.CreateOptions(context);
        options.Tools = offered;
        options.ToolMode = ChatToolMode.Auto;

        var text = new StringBuilder();
        string? textMessageId = null;
        IAsyncEnumerable<ChatResponseUpdate> stream = client.GetStreamingResponseAsync(agentModel.BuildMessages(context), options, cancellationToken);
        IAsyncEnumerator<ChatResponseUpdate> updates = stream.GetAsyncEnumerator(cancellationToken);
        using var flushTimer = new FlushTimer(time, cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (await NextAsync(updates, sink, flushTimer, cancellationToken).ConfigureAwait(false))
            {
                ChatResponseUpdate update = updates.Current;
                foreach (AIContent content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } delta:
                            string piece = delta.Text;
                            if (text.Length > 0 && update.MessageId != textMessageId && !char.IsWhiteSpace(text[^1]))
                            {
                                // Words from a later model turn ("Done!" after "Let me check.") start a new paragraph.
                                piece = "\n\n" + piece;
                            }

                            textMessageId = update.MessageId;
                            text.Append(piece);
                            if (agentModel.StreamsText)
                            {
                                await sink.TextAsync(piece, cancellationToken).ConfigureAwait(false);
                            }
                            break;
                        case UsageContent used:
                            usage.Add(used.Details);
                            break;
                    }
                }
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>
    /// The next update; while it is on its way, text held back by the coalescer still goes out on time
    /// (a model that pauses, or a tool that takes a while, does not hold up the words already written).
    /// </summary>
    private static async ValueTask<bool> NextAsync(
        IAsyncEnumerator<ChatResponseUpdate> updates, CoalescingEventSink sink, FlushTimer flushTimer, CancellationToken cancellationToken)
    {
        ValueTask<bool> next = updates.MoveNextAsync();
        while (!next.IsCompleted && sink.PendingDue is { } due)
        {
            Task<bool> pending = next.AsTask();
            if (await Task.WhenAny(pending, flushTimer.Due(due)).ConfigureAwait(false) != pending)
            {
                flushTimer.Fired();
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            next = new ValueTask<bool>(pending);
        }

        return await next.ConfigureAwait(false);
    }

    /// <summary>
    /// One timer per wait for held-back words, kept across updates until it fires: a model sends an update every
    /// few milliseconds, and a timer per update would cost more than the frames it saves.
    /// </summary>
    private sealed class FlushTimer(TimeProvider time, CancellationToken cancellationToken) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private Task? _due;

        public Task Due(TimeSpan after) => _due ??= Task.Delay(after, time, _stop.Token);

        public void Fired() => _due = null;

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private async Task<string> FallbackAsync(
        AgentContext context, ConversationContext conversation, DeviceToolbox toolbox,
        CoalescingEventSink sink, UsageTally usage, CancellationToken cancellationToken)
    {
        // Words of the failed answer not yet sent belong to an answer that will not be finished. The fallback's own words
        // are not streamed (the offline assistant answers at once): they come whole with the final message, which
        // replaces whatever part of the failed answer the client has shown.
        await sink.DiscardPendingAsync(cancellationToken).ConfigureAwait(false);
        if (toolbox.Actions.Count > 0)
        {
            // Tools already ran through the gate: planning again could repeat them (a second "louder"), so the
            // reply reports exactly what was done and refused.
            return string.Join(" ", toolbox.Actions.Select(a => a.Result).Distinct(StringComparer.Ordinal));
        }

        return await RunAsync(_fallback!, context, conversation, toolbox, sink, usage, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent replied to {CustomerId} ({Source}) with {ActionCount} actions in {ElapsedMs:F1} ms")]
    private static partial void LogReplied(ILogger logger, string customerId, string source, int actionCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Source} model failed to answer {CustomerId}; the offline assistant answers instead")]
    private static partial void LogFallback(ILogger logger, Exception exception, string source, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Source} model wrote no answer for {CustomerId}; the offline assistant answers instead")]
    private static partial void LogEmptyAnswer(ILogger logger, string source, string customerId);
}
