using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>Asking for a person, and the device requests and small talk that only look like it.</summary>
public sealed class HandoffReaderTests
{
    private static readonly RequestAnalyzer Analyzer = new();

    [Theory]
    [InlineData("human")]
    [InlineData("an agent please")]
    [InlineData("I want to speak with a representative")]
    [InlineData("transfer me to customer service")]
    [InlineData("please let me chat with somebody")]
    [InlineData("can you get me a person? the kitchen display is broken")]
    [InlineData("talk to a human about my bedroom speaker")]
    // Asking to be contacted.
    [InlineData("could somebody phone me tomorrow")]
    [InlineData("I need a call back about my display")]
    [InlineData("please get in touch with me")]
    [InlineData("how can I reach your support team")]
    // A kind of support staff, named by their job.
    [InlineData("put me through to a technician")]
    [InlineData("I'd like an engineer to look at the kitchen display")]
    [InlineData("get me your supervisor")]
    [InlineData("can an actual person help me with this")]
    [InlineData("I need somebody who knows how to fix this")]
    public void Asking_for_a_person_is_a_handoff_even_around_a_device(string text)
    {
        RequestAnalysis analysis = Analyzer.Analyze(text, SampleCustomers.John);
        Assert.Equal((Intent.HumanHandoff, "human_handoff"), (analysis.Intent, analysis.RequestType));
        Assert.Empty(analysis.RequiredActions);
    }

    [Theory]
    [InlineData("play Human by The Killers in the bedroom", Intent.PlayMusic)]
    [InlineData("turn off the kitchen display", Intent.PowerOff)]
    [InlineData("make the bedroom speaker louder", Intent.VolumeUp)]
    [InlineData("what can you do", Intent.Capabilities)]
    [InlineData("play Call Me Maybe on the bedroom speaker", Intent.PlayMusic)]
    [InlineData("turn off the kitchen display when my phone rings", Intent.PowerOff)]
    [InlineData("can someone turn the bedroom speaker down", Intent.VolumeDown)]
    public void A_device_request_that_mentions_people_is_no_handoff(string text, Intent expected) =>
        Assert.Equal(expected, Analyzer.Analyze(text, SampleCustomers.John).Intent);

    [Theory]
    [InlineData("call me Johnny from now on")]
    [InlineData("my technician set up the office speaker last week")]
    [InlineData("create a routine called call time: every day at 9 turn on the office speaker")]
    [InlineData("can you ring the bedroom speaker like an alarm")]
    public void Calling_or_staff_in_another_sense_is_no_handoff(string text) =>
        Assert.NotEqual(Intent.HumanHandoff, Analyzer.Analyze(text, SampleCustomers.Alice).Intent);
}
