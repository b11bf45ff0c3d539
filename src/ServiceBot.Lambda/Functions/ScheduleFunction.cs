using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Gateway;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary>
/// <c>schedule</c>: an EventBridge rule invokes it every minute; it runs the due timers and routine occurrences once
/// (<see cref="ScheduledJobRunner"/>, the same runner as the self-hosted background service) and returns. Frames go to
/// the customer's open connections through the <c>@connections</c> endpoint of the configuration, since a scheduled
/// event names no API. Two invocations that overlap (a slow minute) are safe: each job is claimed by one of them.
/// </summary>
internal sealed partial class ScheduleFunction : ILambdaFunction
{
    private readonly ScheduledJobRunner _runner;
    private readonly RoutineScheduler _routines;
    private readonly ICustomerStore _customers;
    private readonly GatewayChannel _channel;
    private readonly Uri _endpoint;
    private readonly ILogger<ScheduleFunction> _logger;
    private bool _routinesChecked;

    public ScheduleFunction(
        ScheduledJobRunner runner,
        RoutineScheduler routines,
        ICustomerStore customers,
        GatewayChannel channel,
        IOptions<GatewayOptions> gateway,
        ILogger<ScheduleFunction> logger)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _runner = runner;
        _routines = routines;
        _customers = customers;
        _channel = channel;
        // Read at init: an instance without an endpoint fails to start with the sentence, not at the first timer.
        _endpoint = gateway.Value.ConfiguredEndpoint();
        _logger = logger;
    }

    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ScheduledEvent scheduled = EventReader.Read(invocation.Payload, LambdaJson.Default.ScheduledEvent);
        if (scheduled.DetailType != ScheduledEvent.ScheduledDetailType)
        {
            throw new InvalidDataException(
                $"The schedule function runs on EventBridge's \"{ScheduledEvent.ScheduledDetailType}\" events; this one's detail-type is \"{scheduled.DetailType}\". Nothing was run.");
        }

        _channel.Open(_endpoint);
        int enqueued = await EnsureRoutinesOnceAsync(cancellationToken).ConfigureAwait(false);
        int handled = await _runner.RunDueAsync(cancellationToken).ConfigureAwait(false);
        LogRan(_logger, handled, scheduled.Time);
        return JsonSerializer.SerializeToUtf8Bytes(new ScheduleResult(handled, enqueued), LambdaJson.Default.ScheduleResult);
    }

    /// <summary>
    /// Once per instance, as the self-hosted runner does at start: every scheduled routine gets its next occurrence unless
    /// it has it (a routine whose next run was never enqueued, say after a failure between a run and its successor).
    /// A failure here is logged and retried at the next invocation; it never keeps the due jobs from running.
    /// </summary>
    private async Task<int> EnsureRoutinesOnceAsync(CancellationToken cancellationToken)
    {
        if (_routinesChecked)
        {
            return 0;
        }

        try
        {
            int enqueued = await _routines.EnsureAllAsync(_customers, cancellationToken).ConfigureAwait(false);
            _routinesChecked = true;
            LogRoutinesChecked(_logger, enqueued);
            return enqueued;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRoutinesFailed(_logger, ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled run at {EventTime}: {Count} due jobs handled")]
    private static partial void LogRan(ILogger logger, int count, DateTimeOffset? eventTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled routines checked at start: {Count} next runs enqueued")]
    private static partial void LogRoutinesChecked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the scheduled routines failed; retrying at the next invocation")]
    private static partial void LogRoutinesFailed(ILogger logger, Exception exception);
}
