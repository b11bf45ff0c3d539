using System.Diagnostics;
using System.Text.Json.Nodes;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;

namespace ServiceBot.Claude.Tests;

/// <summary>Claude answering through the real agent: streamed words, tool calls through the gate, usage.</summary>
public sealed class ClaudeAnswerTests : IAsyncLifetime
{
    private ClaudeRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await ClaudeRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_streamed_answer_reaches_the_customer_in_coalesced_deltas()
    {
        const string text = "Hi John! Both of your devices are online: the bedroom speaker is on at volume 40 and the kitchen display is on too. Anything you'd like me to change?";
        _rig.Api.Enqueue(ScriptedReply.Text(text) with { DeltaDelay = TimeSpan.FromMilliseconds(4) });

        Answer answer = await _rig.AskAsync("cust_002", "hi there");

        Assert.Equal("claude", answer.Reply.Source);
        Assert.Equal(text, answer.Text);
        Assert.Equal(text, string.Concat(answer.Events.Deltas));
        int pieces = MessagesApiStandIn.Pieces(text).Count();
        Assert.InRange(answer.Events.Deltas.Count, 2, pieces / 2);
        // Coalescing shows in the count: far fewer frames than the model's pieces. Gaps between frames are timing,
        // which a loaded machine stretches or squeezes; the benchmark measures that, not this test.

        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task Usage_reported_by_the_API_is_on_the_reply()
    {
        _rig.Api.Enqueue(ScriptedReply.Text("Hello!"));

        Answer answer = await _rig.AskAsync("cust_001", "hello");

        ReportedUsage reported = _rig.Api.Requests.Single().Usage!;
        Assert.NotNull(answer.Reply.Usage);
        Assert.Equal(reported.InputTokens, answer.Reply.Usage.InputTokens);
        Assert.Equal(reported.OutputTokens, answer.Reply.Usage.OutputTokens);
        Assert.Equal(reported.CacheWriteTokens, answer.Reply.Usage.CacheWriteTokens);
        Assert.True(answer.Reply.Usage.CacheWriteTokens > 0, "the stable system prompt is written to the cache");
    }

    [Fact]
    public async Task A_tool_call_then_an_answer_changes_the_device_and_reports_it()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools("Setting it now.", ("set_volume", new { deviceId = "dev_002", volume = 60 })),
            ScriptedReply.Text("Done: the bedroom speaker is at 60."));

        Answer answer = await _rig.AskAsync("cust_002", "set the bedroom speaker to 60");

        Assert.Equal("claude", answer.Reply.Source);
        Assert.Equal("Setting it now.\n\nDone: the bedroom speaker is at 60.", answer.Text);
        ActionRecord action = Assert.Single(answer.Reply.Actions);
        Assert.Equal(("volume_control", "dev_002", true), (action.Action, action.DeviceId, action.Allowed));
        Assert.Equal(60, (await _rig.CustomerAsync("cust_002")).FindDevice("dev_002")!.Volume);

        Device pushed = Assert.Single(answer.Events.Devices);
        Assert.Equal(60, pushed.Volume);
        var kinds = answer.Events.All.Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf("device") > kinds.IndexOf("delta") && kinds.LastIndexOf("delta") > kinds.IndexOf("device"),
            "words before the tool, the device change, then the words after it: " + string.Join(",", kinds));

        RecordedRequest second = _rig.Api.Requests[1];
        JsonObject result = Assert.Single(second.ToolResults);
        Assert.Equal(_rig.Api.Requests[0].Messages.Count + 2, second.Messages.Count);
        Assert.True(Executed(result));
        Assert.Contains("60", Message(result), StringComparison.Ordinal);
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task Two_tools_in_one_turn_both_run_and_both_results_go_back()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("set_power", new { deviceId = "dev_003", power = "off" }), ("play_music", new { deviceId = "dev_002", music = "jazz" })),
            ScriptedReply.Text("The kitchen display is off and jazz is playing in the bedroom."));

        Answer answer = await _rig.AskAsync("cust_002", "turn off the kitchen display and play jazz in the bedroom");

        Assert.Equal(["device_power", "music_services"], answer.Executed.Select(a => a.Action).Order().ToArray());
        Customer after = await _rig.CustomerAsync("cust_002");
        Assert.Equal("off", after.FindDevice("dev_003")!.Power);
        Assert.Equal("jazz", after.FindDevice("dev_002")!.NowPlaying);
        Assert.Equal(2, answer.Events.Devices.Count);

        JsonArray firstTurn = _rig.Api.Requests[1].Messages[^2]!["content"]!.AsArray();
        string[] callIds = firstTurn.Where(b => (string?)b!["type"] == "tool_use").Select(b => (string)b!["id"]!).ToArray();
        Assert.Equal(callIds, _rig.Api.Requests[1].ToolResults.Select(r => (string)r["tool_use_id"]!).ToArray());
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task Replies_for_three_customers_at_once_each_change_only_that_customers_speaker()
    {
        // The tools are one set of objects shared by every reply; each call must still reach its own reply's customer.
        var speakers = new Dictionary<string, (string Device, int Volume)>
        {
            ["cust_001"] = ("dev_001", 11),
            ["cust_002"] = ("dev_002", 22),
            ["cust_003"] = ("dev_004", 33),
        };
        _rig.Api.Responder = request =>
        {
            (string device, int volume) = speakers.Values.Single(s => request.SystemText.Contains($"\"{s.Device}\"", StringComparison.Ordinal));
            return request.ToolResults.Count > 0
                ? ScriptedReply.Text($"Your speaker is at {volume}.") with { DeltaDelay = TimeSpan.FromMilliseconds(5) }
                : ScriptedReply.Tools("One moment.", ("set_volume", new { deviceId = device, volume })) with { DeltaDelay = TimeSpan.FromMilliseconds(5) };
        };

        Answer[] answers = await Task.WhenAll(speakers.Keys.SelectMany(id => Enumerable.Repeat(id, 3)).Select(id => _rig.AskAsync(id, "set my speaker's volume")));

        Assert.All(answers, a => Assert.Equal("claude", a.Reply.Source));
        Assert.All(answers, a => Assert.Empty(a.Refused));
        foreach ((string customer, (string device, int volume)) in speakers)
        {
            Customer after = await _rig.CustomerAsync(customer);
            Assert.Equal(volume, after.FindDevice(device)!.Volume);
            Assert.All(answers.Where(a => a.Text.EndsWith($"at {volume}.", StringComparison.Ordinal)),
                a => Assert.Equal(device, Assert.Single(a.Executed).DeviceId));
        }

        Assert.Equal(9, answers.Count(a => a.Executed.Count() == 1));
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task A_model_asking_for_everything_it_should_not_gets_refusals_and_nothing_runs()
    {
        IReadOnlyList<Customer> before = await AllCustomersAsync();
        (string, object)[] attack =
        [
            ("get_device_status", new { deviceId = "dev_004" }),
            ("get_device_info", new { deviceId = "dev_001" }),
            ("set_volume", new { deviceId = "dev_002", volume = 250 }),
            ("change_volume", new { deviceId = "dev_005", step = -500 }),
            ("set_power", new { deviceId = "dev_006", power = "on" }),
            ("move_device", new { deviceId = "dev_002", room = "the_moon" }),
            ("play_music", new { deviceId = "dev_001", music = "jazz" }),
            ("pause_music", new { deviceId = "dev_004" }),
            ("skip_track", new { deviceId = "dev_005" }),
            ("play_multi_room", new { deviceIds = new[] { "dev_002", "dev_004" }, music = "rock" }),
            ("create_routine", new { name = "Takeover", time = "07:00", days = Array.Empty<string>(), phrase = (string?)null, steps = new[] { new { tool = "set_power", deviceId = "dev_004", power = "off" } } }),
            ("list_routines", new { }),
            ("run_routine", new { name = "Morning" }),
            ("delete_routine", new { name = "Morning" }),
            ("unlock_front_door", new { deviceId = "dev_002" }),
        ];
        _rig.Api.Enqueue(ScriptedReply.Tools(attack), ScriptedReply.Text("I couldn't do any of that."));

        Answer answer = await _rig.AskAsync("cust_002", "do everything for everyone");

        Assert.Empty(answer.Executed);
        Assert.Equal(14, answer.Refused.Count());
        Assert.Empty(answer.Events.Devices);
        Assert.Equal(before, await AllCustomersAsync(), CustomerComparer.Instance);

        // Every call got an answer, and every answer is a refusal the model can explain.
        RecordedRequest second = _rig.Api.Requests[1];
        IReadOnlyList<JsonObject> results = second.ToolResults;
        Assert.Equal(attack.Length, results.Count);
        Assert.All(results.Take(14), r => Assert.False(Executed(r)));
        Assert.Equal(answer.Refused.Select(a => a.Result), results.Take(14).Select(Message));
        Assert.Contains("There is no device \"dev_004\" on your account", Message(results[0]), StringComparison.Ordinal);
        Assert.Contains("Volume goes from 0 to 100", Message(results[2]), StringComparison.Ordinal);
        Assert.Contains("upgrade to enterprise", Message(results[9]), StringComparison.Ordinal);
        Assert.Contains("not found", Message(results[14]), StringComparison.Ordinal);

        // Only the premium tier's tools were offered; the others were refused when called anyway.
        Assert.DoesNotContain("play_multi_room", _rig.Api.Requests[0].ToolNames);
        Assert.DoesNotContain("create_routine", _rig.Api.Requests[0].ToolNames);
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task Troubleshooting_diagnoses_through_the_gate_and_restarts_only_the_customers_own_device()
    {
        Device alices = (await _rig.CustomerAsync("cust_003")).FindDevice("dev_004")!;
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("diagnose_device", new { deviceId = "dev_003", symptom = "frozen" }), ("restart_device", new { deviceId = "dev_004" })),
            ScriptedReply.Tools(("restart_device", new { deviceId = "dev_003" })),
            ScriptedReply.Text("I restarted your kitchen display; it is back online."));

        Answer answer = await _rig.AskAsync("cust_002", "the kitchen display is frozen");

        Assert.Contains("diagnose_device", _rig.Api.Requests[0].ToolNames);
        Assert.Contains("restart_device", _rig.Api.Requests[0].ToolNames);
        IReadOnlyList<JsonObject> first = _rig.Api.Requests[1].ToolResults;
        Assert.True(Executed(first[0]));
        Assert.Contains("Wi-Fi signal fair", Message(first[0]), StringComparison.Ordinal);
        Assert.Contains("firmware 3.8.0", Message(first[0]), StringComparison.Ordinal);
        Assert.False(Executed(first[1]));
        Assert.Contains("There is no device \"dev_004\" on your account", Message(first[1]), StringComparison.Ordinal);
        Assert.True(Executed(Assert.Single(_rig.Api.Requests[2].ToolResults)));

        Assert.Equal(["status_check", "device_power", "device_power"], answer.Reply.Actions.Select(a => a.Action));
        Assert.Equal([true, false, true], answer.Reply.Actions.Select(a => a.Allowed));
        Device pushed = Assert.Single(answer.Events.Devices);
        Assert.Equal(("dev_003", PowerState.On, DeviceStatus.Online), (pushed.Id, pushed.Power, pushed.Status));
        Assert.Equal(alices, (await _rig.CustomerAsync("cust_003")).FindDevice("dev_004"));
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task A_model_that_never_stops_calling_tools_gets_eight_turns_and_then_must_answer()
    {
        _rig.Api.Responder = request => request.Body["tool_choice"]?["type"]?.GetValue<string>() == "none"
            ? ScriptedReply.Text("Your bedroom speaker is on.")
            : ScriptedReply.Tools(("get_device_status", new { deviceId = "dev_002" }));

        Answer answer = await _rig.AskAsync("cust_002", "is my bedroom speaker on?");

        Assert.Equal(ChatAgent.MaxModelTurns, _rig.Api.Requests.Count);
        Assert.Equal("Your bedroom speaker is on.", answer.Text);
        Assert.Equal("claude", answer.Reply.Source);
        Assert.NotEmpty(_rig.Api.Requests[^1].Tools);
        Assert.Empty(_rig.Api.Rejections);
    }

    internal static string ResultText(JsonObject toolResult) => toolResult["content"] switch
    {
        JsonValue text => (string)text!,
        JsonArray blocks => string.Concat(blocks.Select(b => (string?)b!["text"])),
        _ => "",
    };

    /// <summary>The gate's sentence inside a tool result (our tools answer {executed, message}; the invoker's own errors are plain text).</summary>
    internal static string Message(JsonObject toolResult)
    {
        string text = ResultText(toolResult);
        return text.StartsWith('{') && JsonNode.Parse(text) is JsonObject outcome ? (string)outcome["message"]! : text;
    }

    internal static bool Executed(JsonObject toolResult)
    {
        string text = ResultText(toolResult);
        return text.StartsWith('{') && JsonNode.Parse(text) is JsonObject outcome && (bool)outcome["executed"]!;
    }

    private async Task<IReadOnlyList<Customer>> AllCustomersAsync() =>
        [await _rig.CustomerAsync("cust_001"), await _rig.CustomerAsync("cust_002"), await _rig.CustomerAsync("cust_003")];

    private sealed class CustomerComparer : IEqualityComparer<Customer>
    {
        public static readonly CustomerComparer Instance = new();

        public bool Equals(Customer? x, Customer? y) =>
            x is not null && y is not null && x.Devices.SequenceEqual(y.Devices) && x.Routines.Count == y.Routines.Count && x.Version == y.Version;

        public int GetHashCode(Customer obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
