using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>Plan questions read as plan_question, with the action and tier they name; device requests stay device requests.</summary>
public sealed class PlanQuestionReaderTests
{
    private readonly RequestAnalyzer _analyzer = new();

    public static TheoryData<string, PlanTopic, string?, string?> Questions => new()
    {
        { "what plan am I on?", PlanTopic.CurrentPlan, null, null },
        { "which plan am I on?", PlanTopic.CurrentPlan, null, null },
        { "what does my plan include", PlanTopic.CurrentPlan, null, null },
        { "what can I do with my plan", PlanTopic.CurrentPlan, null, null },
        { "how many devices can I have?", PlanTopic.DeviceLimit, null, null },
        { "what's my device limit", PlanTopic.DeviceLimit, null, null },
        { "what does enterprise add?", PlanTopic.TierContents, null, "enterprise" },
        { "what do I get with premium", PlanTopic.TierContents, null, "premium" },
        { "what does the enterprise plan include?", PlanTopic.TierContents, null, "enterprise" },
        { "how do I upgrade?", PlanTopic.Upgrade, null, null },
        { "I want to upgrade to enterprise", PlanTopic.Upgrade, null, "enterprise" },
        { "can I upgrade so I can play music?", PlanTopic.Upgrade, Actions.MusicServices, null },
        { "why can't I play music?", PlanTopic.ActionAvailability, Actions.MusicServices, null },
        { "Why cant I use routines", PlanTopic.ActionAvailability, Actions.CustomActions, null },
        { "does my plan include multi-room audio?", PlanTopic.ActionAvailability, Actions.MultiRoomAudio, null },
        { "which plan do I need to move my speaker to another room?", PlanTopic.ActionAvailability, Actions.DeviceRelocation, null },
        { "is music included in premium?", PlanTopic.ActionAvailability, Actions.MusicServices, "premium" },
        { "compare the plans", PlanTopic.Compare, null, null },
        { "what's the difference between basic and premium?", PlanTopic.Compare, null, "basic" },

        // A tier by its name, or what the account includes, without the word "plan".
        { "are we on enterprise?", PlanTopic.CurrentPlan, null, "enterprise" },
        { "do we have premium", PlanTopic.CurrentPlan, null, "premium" },
        { "is our account on basic", PlanTopic.CurrentPlan, null, "basic" },
        { "what sort of support comes with my account?", PlanTopic.CurrentPlan, null, null },
        { "is my support level standard", PlanTopic.CurrentPlan, null, null },
        { "what could I do under the premium tier", PlanTopic.CurrentPlan, null, "premium" },
        { "what will we get from our subscription", PlanTopic.CurrentPlan, null, null },
        { "describe the available packages", PlanTopic.Compare, null, null },
        { "which tiers do you sell", PlanTopic.Compare, null, null },
        { "any plan that includes routines?", PlanTopic.ActionAvailability, Actions.CustomActions, null },
        { "how could we switch to enterprise", PlanTopic.Upgrade, null, "enterprise" },
        { "can I have premium please", PlanTopic.Upgrade, null, "premium" },
    };

    [Theory]
    [InlineData("is there a tier higher than premium", "premium")]
    [InlineData("anything beyond enterprise?", "enterprise")]
    public void A_question_about_what_is_above_a_tier_compares_the_plans_from_it(string text, string tier)
    {
        RequestAnalysis analysis = _analyzer.Analyze(text, SampleCustomers.Jane);

        Assert.Equal(new PlanQuestion(PlanTopic.Compare, null, tier) { AboveTier = true }, analysis.PlanQuestion);
    }

    [Theory]
    [InlineData("turn on the premium speaker", Intent.PowerOn)]
    [InlineData("set the enterprise display to 30", Intent.VolumeSet)]
    [InlineData("is the basic speaker on?", Intent.DeviceStatus)]
    [InlineData("I want the premium speaker to play jazz", Intent.PlayMusic)]
    public void A_device_named_after_a_tier_is_a_device_not_a_plan(string text, Intent intent)
    {
        Customer named = SampleCustomers.John with
        {
            Devices =
            [
                SampleCustomers.Device("dev_002", DeviceType.SmartSpeaker, "Premium Speaker", "bedroom"),
                SampleCustomers.Device("dev_003", DeviceType.SmartDisplay, "Enterprise Display", "kitchen"),
            ],
        };

        RequestAnalysis analysis = _analyzer.Analyze(text, named);

        Assert.Equal(intent, analysis.Intent);
        Assert.Null(analysis.PlanQuestion);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void A_plan_question_is_read_with_what_it_names(string text, PlanTopic topic, string? action, string? tier)
    {
        RequestAnalysis analysis = _analyzer.Analyze(text, SampleCustomers.Jane);

        Assert.Equal(Intent.PlanQuestion, analysis.Intent);
        Assert.Equal(RequestTypes.PlanQuestion, analysis.RequestType);
        Assert.Empty(analysis.RequiredActions);
        Assert.Equal(new PlanQuestion(topic, action, tier), analysis.PlanQuestion);
    }

    [Theory]
    [InlineData("play some jazz in the living room", Intent.PlayMusic)]
    [InlineData("can you play music", Intent.PlayMusic)]
    [InlineData("turn off my speaker", Intent.PowerOff)]
    [InlineData("why is my speaker not working", Intent.Troubleshoot)]
    [InlineData("how many devices do I have", Intent.DeviceInfo)]
    [InlineData("what can you do?", Intent.Capabilities)]
    [InlineData("every day at 7 turn on the living room speaker", Intent.RoutineCreate)]
    public void A_device_request_or_small_talk_is_not_a_plan_question(string text, Intent intent)
    {
        Assert.Equal(intent, _analyzer.Analyze(text, SampleCustomers.Jane).Intent);
    }
}
