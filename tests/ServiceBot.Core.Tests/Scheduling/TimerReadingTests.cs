using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Tests.Analysis;

namespace ServiceBot.Core.Tests.Scheduling;

/// <summary>What a timer delays and when, and the action it needs: the delayed command's, so a plan that lacks it is refused.</summary>
public sealed class TimerReadingTests
{
    private readonly RequestAnalyzer _analyzer = new();

    [Theory]
    [InlineData("turn it off in 30 minutes", 30 * 60)]
    [InlineData("turn off the bedroom speaker in an hour and a half", 90 * 60)]
    [InlineData("in 1 hour and 15 minutes turn off the bedroom speaker", 75 * 60)]
    [InlineData("switch the bedroom speaker off after 45 mins", 45 * 60)]
    public void A_delay_is_read_with_the_command_it_delays(string text, int seconds)
    {
        RequestAnalysis analysis = _analyzer.Analyze(text, SampleCustomers.John, new ConversationContext { LastDeviceIds = ["dev_002"] });

        Assert.Equal(Intent.TimerSet, analysis.Intent);
        Assert.Equal((Intent.PowerOff, TimeSpan.FromSeconds(seconds)), (analysis.Timer!.Command, analysis.Timer.Delay!.Value));
        Assert.Equal(["device_power"], analysis.RequiredActions);
    }

    [Fact]
    public void A_clock_time_said_once_is_a_timer_and_music_needs_music_services()
    {
        RequestAnalysis analysis = _analyzer.Analyze("play jazz in the bedroom at 10:30pm", SampleCustomers.John);

        Assert.Equal((Intent.TimerSet, "22:30"), (analysis.Intent, analysis.Timer!.At));
        Assert.Equal(["music_services"], analysis.RequiredActions);
    }

    [Fact]
    public void A_time_with_days_is_still_a_routine()
    {
        Assert.Equal(Intent.RoutineCreate, _analyzer.Analyze("every weekday at 7 turn on the bedroom speaker", SampleCustomers.John).Intent);
    }

    private static Customer JohnPlayingOn(params string[] playing) => SampleCustomers.John with
    {
        Devices = SampleCustomers.John.Devices.Select(d => playing.Contains(d.Id) ? d with { NowPlaying = "jazz" } : d).ToArray(),
    };

    [Theory]
    [InlineData("sleep timer 40 minutes", 40 * 60)]
    [InlineData("can you set me a sleep timer for an hour", 60 * 60)]
    public void A_sleep_timer_with_no_device_named_turns_off_the_one_device_playing(string text, int seconds)
    {
        RequestAnalysis analysis = _analyzer.Analyze(text, JohnPlayingOn("dev_003"));

        Assert.Equal((Intent.TimerSet, Intent.PowerOff, TimeSpan.FromSeconds(seconds)), (analysis.Intent, analysis.Timer!.Command, analysis.Timer.Delay!.Value));
        Assert.Equal(["dev_003"], analysis.DeviceIds);
        Assert.Equal(["device_power"], analysis.RequiredActions);
    }

    [Fact]
    public void A_sleep_timer_with_two_devices_playing_asks_which_of_them()
    {
        RequestAnalysis analysis = _analyzer.Analyze("sleep timer 40 minutes", JohnPlayingOn("dev_002", "dev_003"));

        Assert.Equal(Intent.TimerSet, analysis.Intent);
        Assert.Empty(analysis.DeviceIds);
        Assert.Equal(new Clarification(ClarificationKind.AmbiguousDevice, ["dev_002", "dev_003"]).CandidateDeviceIds, analysis.Clarification!.CandidateDeviceIds);
    }

    [Fact]
    public void A_sleep_timer_on_a_named_device_uses_it_even_when_another_plays()
    {
        RequestAnalysis analysis = _analyzer.Analyze("sleep timer for 25 min on the bedroom speaker", JohnPlayingOn("dev_003"));

        Assert.Equal((Intent.TimerSet, TimeSpan.FromMinutes(25)), (analysis.Intent, analysis.Timer!.Delay!.Value));
        Assert.Equal(["dev_002"], analysis.DeviceIds);
    }

    [Fact]
    public void A_sleep_timer_without_a_duration_is_no_timer()
    {
        Assert.NotEqual(Intent.TimerSet, _analyzer.Analyze("what is a sleep timer", SampleCustomers.Jane).Intent);
    }
}
