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
    public void A_device_request_that_mentions_people_is_no_handoff(string text, Intent expected) =>
        Assert.Equal(expected, Analyzer.Analyze(text, SampleCustomers.John).Intent);
}
