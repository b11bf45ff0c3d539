using System.Text.Json.Nodes;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core.Demand;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Claude.Tests;

/// <summary>Plan questions with Claude: the plan tool answers from the catalog, and what counts as upgrade demand.</summary>
public sealed class ClaudePlanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Answered = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private ClaudeRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await ClaudeRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_plan_question_is_answered_from_the_plan_tool_which_reads_the_catalog()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("get_plan_details", new { })),
            ScriptedReply.Text("Music playback isn't part of your basic plan; it comes with premium. Plan changes are made by our account team."));

        Answer answer = await _rig.AskAsync("cust_001", "why can't I play music?");

        RecordedRequest first = _rig.Api.Requests[0];
        Assert.Contains("get_plan_details", first.ToolNames);
        Assert.Contains("call get_plan_details", first.SystemText, StringComparison.Ordinal);
        Assert.Contains("cannot change a plan", first.SystemText, StringComparison.Ordinal);

        JsonObject details = JsonNode.Parse(ClaudeAnswerTests.ResultText(Assert.Single(_rig.Api.Requests[1].ToolResults)))!.AsObject();
        Assert.Equal("basic", (string?)details["currentTier"]);
        Assert.Equal(1, (int)details["devicesOnAccount"]!);
        Assert.Contains("account team", (string?)details["howToUpgrade"], StringComparison.Ordinal);
        JsonArray tiers = details["tiers"]!.AsArray();
        Assert.Equal(["basic", "premium", "enterprise"], tiers.Select(t => (string)t!["level"]!));
        JsonObject premium = tiers[1]!.AsObject();
        Assert.Equal((3, "priority", false), ((int)premium["maxDevices"]!, (string)premium["supportPriority"]!, (bool)premium["isCurrent"]!));
        Assert.Contains(premium["actions"]!.AsArray(), a => (string)a!["name"]! == Actions.MusicServices && (string)a["description"]! == "music playback");
        Assert.True((bool)tiers[0]!["isCurrent"]!);
        Assert.DoesNotContain(tiers[0]!["actions"]!.AsArray(), a => (string)a!["name"]! == Actions.MusicServices);

        // Reading the plan is no device action: nothing is recorded as tried or refused.
        Assert.Empty(answer.Reply.Actions);
        Assert.Equal("claude", answer.Reply.Source);
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task A_refusal_Claude_explains_without_calling_the_tool_is_still_counted_as_demand()
    {
        _rig.Api.Enqueue(ScriptedReply.Text("Music playback isn't included in your basic plan; premium includes it."));
        Answer answered = await _rig.AskAsync("cust_001", "play some jazz in the living room");
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("play_music", new { deviceId = "dev_001", music = "jazz" })),
            ScriptedReply.Text("That needs premium."));
        Answer tried = await _rig.AskAsync("cust_001", "play some jazz in the living room");

        Assert.Empty(answered.Reply.Actions);
        Assert.False(Assert.Single(tried.Reply.Actions).Allowed);
        var expected = new UpgradeDemand(new DateOnly(2026, 11, 2), "basic", Actions.MusicServices, "premium", DemandKinds.Refusal);
        Assert.Equal(expected, Assert.Single(await DemandAsync("play some jazz in the living room", answered)));
        Assert.Equal(expected, Assert.Single(await DemandAsync("play some jazz in the living room", tried)));
    }

    private async Task<IReadOnlyList<UpgradeDemand>> DemandAsync(string text, Answer answer)
    {
        Core.Agent.AgentContext context = await _rig.ContextAsync("cust_001", text);
        return UpgradeDemandReader.Read(context, answer.Reply, Answered);
    }
}
