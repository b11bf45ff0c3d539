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
/// </summary>
public sealed partial class ChatAgent(
    IAgentModel model,
    CustomerUpdater updater,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    public const int MaxModelTurns = 8;

    private readonly ILogger _logger = loggerFactory.CreateLogger<ChatAgent>();

    public async Task<AgentReply> ReplyAsync(AgentContext context, IAgentEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        using Activity? activity = ServiceBotTelemetry.ActivitySource.StartActivity("agent.reply");
        activity?.SetTag("servicebot.tier", context.Tier.Level);
        activity?.SetTag("servicebot.request_type", context.Analysis.RequestType);
        long started = time.GetTimestamp();

        ConversationContext conversation = ConversationContextBuilder.From(context.History, context.Customer);
        var toolbox = new DeviceToolbox(context, updater, events, time);
        (IList<AITool> offered, IList<AITool> hidden) = DeviceToolFunctions.ForTier(DeviceToolFunctions.Create(toolbox), context.Tier);

        using IChatClient inner = model.CreateClient(context, conversation);
        using var client = new FunctionInvokingChatClient(inner, loggerFactory)
        {
            MaximumIterationsPerRequest = MaxModelTurns,
            AdditionalTools = hidden,
            IncludeDetailedErrors = false,
        };

        ChatOptions options = model.CreateOptions(context);
        options.Tools = offered;
        options.ToolMode = ChatToolMode.Auto;

        var text = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(model.BuildMessages(context), options, cancellationToken).ConfigureAwait(false))
        {
            foreach (AIContent content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } delta:
                        text.Append(delta.Text);
                        await events.TextAsync(delta.Text, cancellationToken).ConfigureAwait(false);
                        break;
                    case UsageContent used:
                        usage ??= new UsageDetails();
                        usage.Add(used.Details);
                        break;
                }
            }
        }

        TimeSpan elapsed = time.GetElapsedTime(started);
        ServiceBotTelemetry.AgentCompleted(elapsed, model.Source);
        LogReplied(_logger, context.Customer.Id, model.Source, toolbox.Actions.Count, elapsed.TotalMilliseconds);
        return new AgentReply(text.ToString().Trim(), toolbox.Actions, model.Source, TokenAccounting.From(usage));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent replied to {CustomerId} ({Source}) with {ActionCount} actions in {ElapsedMs:F1} ms")]
    private static partial void LogReplied(ILogger logger, string customerId, string source, int actionCount, double elapsedMs);
}
