using System.Diagnostics;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>The harder pieces of the analyzer on their own: typos, numbers, schedules, names, context.</summary>
public class RequestAnalyzerFocusedTests
{
    private static readonly RequestAnalyzer Analyzer = new();

    [Theory]
    [InlineData("speeker", "speaker")]
    [InlineData("teh", "the")]
    [InlineData("kitchn", "kitchen")]
    [InlineData("bedrom", "bedroom")]
    [InlineData("volum", "volume")]
    [InlineData("dispaly", "display")]
    [InlineData("wendsday", "wednesday")]
    [InlineData("routien", "routine")]
    public void A_typo_is_matched_to_the_word_meant(string typo, string meant) =>
        Assert.Equal(meant, TypoMatcher.Closest(typo, Lexicon.Targets));

    [Theory]
    [InlineData("asdfgh")]
    [InlineData("zebra")]
    [InlineData("ok")]
    public void A_word_far_from_every_known_word_is_left_alone(string word) =>
        Assert.Null(TypoMatcher.Closest(word, Lexicon.Targets));

    [Theory]
    [InlineData("turn teh volum down in the kitchn", "turn the volume down in the kitchen")]
    [InlineData("livingroom", "living room")]
    [InlineData("What's playing?", "what is playing")]
    [InlineData("I can't hear it", "i can not hear it")]
    [InlineData("every day at 7:30pm", "every day at 7:30 pm")]
    [InlineData("at 9a.m.", "at 9 am")]
    [InlineData("volume to 35%", "volume to 35 percent")]
    [InlineData("PLAY JAZZ", "play jazz")]
    [InlineData("play muse", "play muse")]
    [InlineData("twenty-five", "twenty five")]
    public void Text_is_normalized_before_reading(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text).Text);

    [Theory]
    [InlineData("20", 20)]
    [InlineData("twenty", 20)]
    [InlineData("twenty five", 25)]
    [InlineData("twenty-five", 25)]
    [InlineData("ninety nine", 99)]
    [InlineData("one hundred", 100)]
    [InlineData("a hundred and fifty", 150)]
    [InlineData("hundred", 100)]
    [InlineData("zero", 0)]
    public void Numbers_are_read_from_digits_and_words(string text, int expected)
    {
        List<NumberToken> numbers = NumberReader.FindAll(TextNormalizer.Normalize(text));
        Assert.Equal(expected, Assert.Single(numbers).Value);
    }

    [Fact]
    public void The_bedroom_one_is_not_a_number() =>
        Assert.Empty(NumberReader.FindAll(TextNormalizer.Normalize("make the bedroom one quieter")));

    [Theory]
    [InlineData("every weekday at 7", "Monday,Tuesday,Wednesday,Thursday,Friday", "07:00")]
    [InlineData("every day at 7:30 pm", "", "19:30")]
    [InlineData("on Saturdays at 9am", "Saturday", "09:00")]
    [InlineData("every night at 10", "", "22:00")]
    [InlineData("every evening at seven thirty", "", "19:30")]
    [InlineData("mondays, wednesdays and fridays at 6:15", "Monday,Wednesday,Friday", "06:15")]
    [InlineData("monday to friday at half past six", "Monday,Tuesday,Wednesday,Thursday,Friday", "06:30")]
    [InlineData("every weekend at noon", "Saturday,Sunday", "12:00")]
    [InlineData("daily at midnight", "", "00:00")]
    [InlineData("every tuesday at 12 am", "Tuesday", "00:00")]
    [InlineData("at 6 in the evening every day", "", "18:00")]
    [InlineData("each thursday at quarter to eight", "Thursday", "07:45")]
    [InlineData("every day at 19:00", "", "19:00")]
    public void Schedules_are_read_into_days_and_a_24_hour_time(string text, string days, string time)
    {
        RoutineSchedule? schedule = ScheduleReader.Read(TextNormalizer.Normalize(text)).Schedule;
        Assert.NotNull(schedule);
        Assert.Equal(days, string.Join(",", schedule.Days));
        Assert.Equal(time, schedule.Time);
    }

    [Theory]
    [InlineData("turn it up by 10")]
    [InlineData("tomorrow at 7")]
    [InlineData("play jazz in every room")]
    public void Not_every_number_or_every_is_a_schedule(string text) =>
        Assert.Null(ScheduleReader.Read(TextNormalizer.Normalize(text)).Schedule);

    [Fact]
    public void Music_goes_to_the_speaker_when_the_other_device_is_a_hub()
    {
        Customer customer = With(
            SampleCustomers.Device("dev_010", DeviceType.SmartHub, "Hallway Hub", "hallway"),
            SampleCustomers.Device("dev_011", DeviceType.SmartSpeaker, "Kitchen Speaker", "kitchen"));

        RequestAnalysis analysis = Analyzer.Analyze("play jazz", customer);

        Assert.Equal(Intent.PlayMusic, analysis.Intent);
        Assert.Equal(["dev_011"], analysis.DeviceIds);
        Assert.Null(analysis.Clarification);
    }

    [Theory]
    [InlineData("turn off jane's echo", "dev_021")]
    [InlineData("play jazz on the party box", "dev_022")]
    [InlineData("turn the PARTY BOX up", "dev_022")]
    [InlineData("mute the partybox", "dev_022")]
    [InlineData("is the Echo on?", "dev_021")]
    public void Devices_are_found_by_their_own_names(string text, string deviceId)
    {
        Customer customer = With(
            SampleCustomers.Device("dev_021", DeviceType.SmartSpeaker, "Jane's Echo", "bedroom"),
            SampleCustomers.Device("dev_022", DeviceType.SmartSpeaker, "Party Box", "living_room"));

        RequestAnalysis analysis = Analyzer.Analyze(text, customer);

        Assert.Equal([deviceId], analysis.DeviceIds);
    }

    [Fact]
    public void A_customer_without_devices_gets_no_device_and_no_question()
    {
        Customer customer = With();

        RequestAnalysis analysis = Analyzer.Analyze("turn it off", customer);

        Assert.Equal(Intent.PowerOff, analysis.Intent);
        Assert.Empty(analysis.DeviceIds);
        Assert.Null(analysis.Clarification);
    }

    [Fact]
    public void Pausing_with_nothing_named_pauses_what_is_playing()
    {
        Customer customer = With(
            SampleCustomers.Device("dev_031", DeviceType.SmartSpeaker, "Bedroom Speaker", "bedroom"),
            SampleCustomers.Device("dev_032", DeviceType.SmartDisplay, "Kitchen Display", "kitchen", playing: "jazz"));

        RequestAnalysis analysis = Analyzer.Analyze("pause the music", customer);

        Assert.Equal(Intent.PauseMusic, analysis.Intent);
        Assert.Equal(["dev_032"], analysis.DeviceIds);
    }

    [Theory]
    [InlineData("good night", Intent.RoutineRun, "Good night")]
    [InlineData("run good night", Intent.RoutineRun, "Good night")]
    [InlineData("run my goodnight routine", Intent.RoutineRun, "Good night")]
    [InlineData("start the Good Night routine please", Intent.RoutineRun, "Good night")]
    [InlineData("run the Every weekday at 07:00 routine", Intent.RoutineRun, "Every weekday at 07:00")]
    [InlineData("delete the every weekday at 07:00 routine", Intent.RoutineDelete, "Every weekday at 07:00")]
    [InlineData("remove the good nite routine", Intent.RoutineDelete, "Good night")]
    public void A_routine_is_found_by_its_phrase_or_its_name(string text, Intent intent, string name)
    {
        Customer customer = SampleCustomers.Alice with
        {
            Routines =
            [
                new Routine
                {
                    Id = "rt_1",
                    Name = "Good night",
                    Phrase = "good night",
                    Steps = [new RoutineStep { Tool = "set_power", DeviceId = "dev_004", Power = PowerState.Off }],
                    CreatedAt = DateTimeOffset.UnixEpoch,
                },
                new Routine
                {
                    Id = "rt_2",
                    Name = "Every weekday at 07:00",
                    Schedule = new RoutineSchedule([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "07:00"),
                    Steps = [new RoutineStep { Tool = "set_power", DeviceId = "dev_004", Power = PowerState.On }],
                    CreatedAt = DateTimeOffset.UnixEpoch,
                },
            ],
        };

        RequestAnalysis analysis = Analyzer.Analyze(text, customer);

        Assert.Equal(intent, analysis.Intent);
        Assert.Equal(name, analysis.RoutineName);
    }

    [Fact]
    public void A_routine_named_without_a_time_or_phrase_runs_when_its_name_is_said()
    {
        RequestAnalysis analysis = Analyzer.Analyze("create a routine called Movie Time that mutes the office speaker", SampleCustomers.Alice);

        Assert.Equal(Intent.RoutineCreate, analysis.Intent);
        Assert.NotNull(analysis.Routine);
        Assert.Equal("Movie Time", analysis.Routine.Name);
        Assert.Equal("movie time", analysis.Routine.Phrase);
        Assert.Null(analysis.Routine.Schedule);
    }

    [Fact]
    public void Empty_text_is_unknown() =>
        Assert.Equal(Intent.Unknown, Analyzer.Analyze("   ", SampleCustomers.John).Intent);

    [Fact]
    public void One_shared_analyzer_reads_the_same_in_parallel_as_alone()
    {
        IReadOnlyList<CorpusCase> cases = AnalyzerCorpus.Cases;
        string[] alone = cases.Select(Read).ToArray();
        string[] together = new string[cases.Count];

        Parallel.For(0, cases.Count * 4, i => together[i % cases.Count] = Read(cases[i % cases.Count]));

        Assert.Equal(alone, together);
    }

    [Fact]
    public void Reading_a_message_takes_well_under_a_millisecond()
    {
        IReadOnlyList<CorpusCase> cases = AnalyzerCorpus.Cases;
        foreach (CorpusCase c in cases)
        {
            Read(c);
        }

        // The best of a few rounds: other work on the machine only ever makes a round slower.
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (CorpusCase c in cases)
            {
                Read(c);
            }

            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / cases.Count);
        }

        Assert.True(best < 1000, $"{best:F0} µs per message");
    }

    private static string Read(CorpusCase c)
    {
        RequestAnalysis a = Analyzer.Analyze(c.Text, SampleCustomers.ById(c.Customer), c.Context is null
            ? null
            : new ConversationContext { LastDeviceIds = c.Context.LastDeviceIds, LastMusic = c.Context.LastMusic });
        return $"{a.Intent} {string.Join(",", a.DeviceIds)} {a.Volume} {a.VolumeStep} {a.TargetRoom} {a.Music} {a.RoutineName} {a.Clarification} {a.Routine?.Name}";
    }

    [Theory]
    [InlineData("is the bedroom speaker on, not the kitchen one?")]
    [InlineData("the bedroom speaker is not working, not the kitchen display")]
    public void A_not_inside_a_request_of_its_own_is_no_correction(string text)
    {
        // Only "not the kitchen, the bedroom" and the like redo the last action; a question or complaint never turns it off.
        var context = new ConversationContext { LastDeviceIds = ["dev_003"], LastRequest = "turn off the kitchen display" };
        RequestAnalysis a = Analyzer.Analyze(text, SampleCustomers.ById("cust_002"), context);
        Assert.NotEqual(Intent.PowerOff, a.Intent);
        Assert.Contains("dev_002", a.DeviceIds);
    }

    [Fact]
    public void A_correction_without_a_last_request_is_read_as_usual()
    {
        RequestAnalysis a = Analyzer.Analyze("not the kitchen, the bedroom", SampleCustomers.ById("cust_002"));
        Assert.NotEqual(Intent.PowerOff, a.Intent);
    }

    private static Customer With(params Device[] devices) => new()
    {
        Id = "cust_test",
        Name = "Test Customer",
        ServiceLevel = "enterprise",
        Devices = devices,
    };
}
