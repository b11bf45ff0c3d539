using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Claude.Tests;

/// <summary>Claude's timer tools against the Messages API stand-in: set, list and cancel, each through the gate.</summary>
public sealed class ClaudeTimerTests : IAsyncLifetime
{
    private ClaudeRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await ClaudeRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private IScheduledJobStore Jobs => _rig.Services.GetRequiredService<IScheduledJobStore>();

    [Fact]
    public async Task Claude_sets_a_timer_that_waits_on_the_schedule_lists_it_and_cancels_it()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("set_timer", new { tool = "set_power", deviceId = "dev_002", power = "off", delayMinutes = 30 })),
            ScriptedReply.Text("Done: I'll turn off the bedroom speaker in 30 minutes."));
        Answer set = await _rig.AskAsync("cust_002", "turn off the bedroom speaker in half an hour");

        Assert.Contains(_rig.Api.Requests[1].ToolResults, r => r.ToJsonString().Contains("Timer set:", StringComparison.Ordinal) && r.ToJsonString().Contains("turn off the bedroom speaker", StringComparison.Ordinal));
        Assert.Contains(set.Reply.Actions, a => a is { Action: "device_power", DeviceId: "dev_002", Allowed: true });
        ScheduledJob job = Assert.Single(await Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
        Assert.Equal(("set_power", "off", "conv_claude_test"), (job.Command!.Tool, job.Command.Power, job.ConversationId));
        Assert.Equal("on", (await _rig.CustomerAsync("cust_002")).FindDevice("dev_002")!.Power);

        _rig.Api.Enqueue(ScriptedReply.Tools(("list_timers", new { })), ScriptedReply.Text("You have one timer."));
        await _rig.AskAsync("cust_002", "what timers do I have");
        Assert.Contains(_rig.Api.Requests[3].ToolResults, r => r.ToJsonString().Contains(job.Id, StringComparison.Ordinal));

        _rig.Api.Enqueue(ScriptedReply.Tools(("cancel_timer", new { timerId = job.Id })), ScriptedReply.Text("Cancelled."));
        await _rig.AskAsync("cust_002", "cancel it");
        Assert.Contains(_rig.Api.Requests[5].ToolResults, r => r.ToJsonString().Contains("Cancelled: the timer to turn off the bedroom speaker.", StringComparison.Ordinal));
        Assert.Empty(await Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_music_timer_asked_by_claude_for_a_basic_customer_is_refused_and_nothing_is_scheduled()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("set_timer", new { tool = "play_music", deviceId = "dev_001", music = "jazz", delayMinutes = 10 })),
            ScriptedReply.Text("Music isn't part of your plan."));
        Answer refused = await _rig.AskAsync("cust_001", "play jazz in 10 minutes");

        Assert.Contains(refused.Reply.Actions, a => a is { Action: "music_services", Allowed: false });
        Assert.Contains(_rig.Api.Requests[1].ToolResults, r => r.ToJsonString().Contains("premium", StringComparison.Ordinal));
        Assert.Empty(await Jobs.ListPendingAsync("cust_001", TestContext.Current.CancellationToken));
    }
}
