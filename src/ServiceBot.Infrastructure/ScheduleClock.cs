using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace ServiceBot.Infrastructure;

/// <summary>
/// What makes timers and scheduled routines fire on AWS: an EventBridge rule that invokes the schedule function every
/// minute (the self-hosted server runs the same runner from a background service instead). A timer fires within a
/// minute of its time.
/// </summary>
internal sealed class ScheduleClock : Construct
{
    public ScheduleClock(Construct scope, string id, StackSettings settings, IFunction schedule) : base(scope, id)
    {
        Rule = new Rule(this, "EveryMinute", new RuleProps
        {
            Description = $"ServiceBot {settings.EnvironmentName}: runs the due timers and scheduled routines",
            Schedule = Schedule.Rate(Duration.Minutes(1)),
            // No retries and no old events: the next minute's run picks up whatever this one did not finish.
            Targets = [new LambdaFunction(schedule, new LambdaFunctionProps { RetryAttempts = 0, MaxEventAge = Duration.Minutes(1) })],
        });
    }

    public Rule Rule { get; }
}
