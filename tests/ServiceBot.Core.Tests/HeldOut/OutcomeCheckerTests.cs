namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>
/// The checker can fail: for each kind of expectation, a real message is checked against the right expectation (no miss)
/// and against one wrong only in that kind (reported as a miss of that kind).
/// </summary>
public sealed class OutcomeCheckerTests : IAsyncLifetime
{
    private SupportChatRunner _runner = null!;

    public async ValueTask InitializeAsync() => _runner = await SupportChatRunner.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _runner.DisposeAsync();

    private async Task<IReadOnlyList<string>> MissesAsync(string customer, string text, Expectation expect)
    {
        var chat = new SupportChat { Id = "checker", Category = "checker", Customer = customer, Text = text, Expect = expect };
        ChatOutcome outcome = await _runner.RunAsync(chat, TestContext.Current.CancellationToken);
        return OutcomeChecker.Misses(chat, outcome);
    }

    private static readonly Dictionary<string, DeviceEnd> KitchenAt20 = new() { ["dev_003"] = new DeviceEnd { Volume = 20 } };

    [Fact]
    public async Task A_wrong_request_type_is_a_miss()
    {
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { RequestType = "volume_change", After = KitchenAt20 }));

        Assert.Equal(["request type volume_change, expected power_change"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { RequestType = "power_change", After = KitchenAt20 }));
        Assert.Equal(["request type volume_change, expected none"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { RequestType = Expectation.NoRequestType, After = KitchenAt20 }));
    }

    [Fact]
    public async Task An_action_on_another_device_is_not_counted_as_executed()
    {
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Executed = [new() { Action = "volume_control", Device = "dev_003" }], After = KitchenAt20 }));

        Assert.Equal(["volume_control on dev_002 was not executed"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Executed = [new() { Action = "volume_control", Device = "dev_002" }], After = KitchenAt20 }));
        Assert.Equal(["device_power was not executed"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Executed = [new() { Action = "device_power" }], After = KitchenAt20 }));
    }

    [Fact]
    public async Task A_refusal_must_be_refused_and_name_the_tier_that_allows_it()
    {
        Assert.Empty(await MissesAsync("cust_001", "play some jazz", new Expectation { Refused = [new() { Action = "music_services", Tier = "premium" }] }));

        Assert.Equal(["the refusal does not name the enterprise tier"], await MissesAsync("cust_001", "play some jazz", new Expectation { Refused = [new() { Action = "music_services", Tier = "enterprise" }] }));
        Assert.Equal(["volume_control was not refused"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Refused = [new() { Action = "volume_control" }], After = KitchenAt20 }));
    }

    [Fact]
    public async Task A_device_that_ends_otherwise_is_a_miss()
    {
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { After = new Dictionary<string, DeviceEnd> { ["dev_003"] = new() { Volume = 20, VolumeBelow = 21, VolumeAbove = 19, Power = "on", Location = "kitchen", Playing = false } } }));

        IReadOnlyList<string> misses = await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { After = new Dictionary<string, DeviceEnd> { ["dev_003"] = new() { Volume = 25, VolumeAbove = 20, Power = "off", Location = "office", Playing = true, NowPlaying = "jazz" } } });

        Assert.Equal(
            ["dev_003 power on, expected off", "dev_003 volume 20, expected 25", "dev_003 volume 20, expected above 20", "dev_003 in kitchen, expected office", "dev_003 plays nothing, expected jazz", "dev_003 plays nothing, expected something"],
            misses);
    }

    [Fact]
    public async Task A_change_to_a_device_the_expectation_does_not_name_is_a_miss()
    {
        Assert.Equal(["dev_003 changed: volume 60 -> 20"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation()));
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { After = new Dictionary<string, DeviceEnd> { ["dev_003"] = new() } }));
    }

    [Fact]
    public async Task A_wrong_routine_count_or_an_unexpected_routine_is_a_miss()
    {
        const string text = "every day at 7 turn on the office speaker";
        Assert.Empty(await MissesAsync("cust_003", text, new Expectation { Routines = 1 }));

        Assert.Equal(["1 routines, expected 0"], await MissesAsync("cust_003", text, new Expectation { Routines = 0 }));
        Assert.Equal(["routines changed: 0 -> 1"], await MissesAsync("cust_003", text, new Expectation()));
    }

    [Fact]
    public async Task A_reply_in_another_language_is_a_miss()
    {
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Language = "en", After = KitchenAt20 }));

        Assert.Equal(["reply in en, expected de"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Language = "de", After = KitchenAt20 }));
    }

    [Theory]
    [InlineData("I set the living room speaker to 20.", "en")]
    [InlineData("The Reception Hub has no speaker, so it can't play music.", "en")]
    [InlineData("He puesto el altavoz del salón al 20.", "es")]
    [InlineData("Lo siento, no puedo ayudar con vuelos. En tu plan premium puedo ayudarte con el volumen y la música.", "es")]
    [InlineData("Ich habe den Lautsprecher im Wohnzimmer auf 20 gestellt.", "de")]
    [InlineData("Der Lautsprecher ist stumm geschaltet (Lautstärke 0).", "de")]
    public void The_reply_language_is_told_by_its_common_words(string reply, string language) =>
        Assert.Equal(language, ReplyLanguage.Detect(reply));

    [Fact]
    public void A_reply_without_common_words_has_no_clear_language() => Assert.Null(ReplyLanguage.Detect("OK! 20 ✓"));

    [Fact]
    public async Task A_reply_without_any_of_the_words_is_a_miss()
    {
        Assert.Empty(await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Says = [["banana", "20"]], After = KitchenAt20 }));

        Assert.Equal(["the reply says none of [banana, kiwi]"], await MissesAsync("cust_002", "set the kitchen display to 20", new Expectation { Says = [["20"], ["banana", "kiwi"]], After = KitchenAt20 }));
    }

    [Theory]
    [InlineData("Which device do you mean?", "hi", false)]
    [InlineData("Hi! How can I help?", "hi", true)]
    [InlineData("It is muted (volume 0).", "mute", true)]
    [InlineData("Der Lautsprecher ist im Haus.", "aus", false)]
    [InlineData("Er ist ausgeschaltet.", "aus", true)]
    public void A_word_counts_only_where_a_word_starts(string reply, string word, bool found) =>
        Assert.Equal(found, OutcomeChecker.StartsAWord(reply, word));

    [Fact]
    public void A_typo_in_the_data_is_an_error_not_an_unchecked_expectation()
    {
        const string json = """{"floorPercent": 0, "cases": [{"id": "x", "category": "c", "customer": "cust_001", "text": "hi", "expect": {"excuted": []}}]}""";

        Assert.Throws<System.Text.Json.JsonException>(() => SupportChats.Parse(json));
    }
}
