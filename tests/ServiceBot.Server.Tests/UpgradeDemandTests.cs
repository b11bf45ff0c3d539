using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Frames;

namespace ServiceBot.Server.Tests;

/// <summary>Upgrade demand counted from real conversations over a real WebSocket, and the report staff read on their console.</summary>
public sealed class UpgradeDemandTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_basic_customer_refused_music_twice_who_asks_about_enterprise_shows_in_the_report()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");

        Exchange first = await jane.ChatAsync("play some jazz");
        Assert.Contains(first.Refused, a => (string?)a["action"] == "music_services");
        Exchange second = await jane.ChatAsync("play some music in the living room", first.ConversationId, clientMessageId: "music-2");
        Assert.Contains(second.Refused, a => (string?)a["action"] == "music_services");
        Exchange replayed = await jane.ChatAsync("play some music in the living room", first.ConversationId, clientMessageId: "music-2");
        Assert.Equal(second.Text, replayed.Text);
        Exchange enterprise = await jane.ChatAsync("what does enterprise add?", first.ConversationId);
        Assert.Equal("plan_question", (string?)enterprise.Final["requestType"]);
        Assert.True((bool)enterprise.Final["allowed"]!);
        Assert.Contains("enterprise adds", enterprise.Text, StringComparison.Ordinal);
        // Neither an allowed change nor a refusal for another reason is upgrade demand.
        Assert.NotEmpty((await jane.ChatAsync("set the volume to 30", first.ConversationId)).Executed);
        Assert.NotEmpty((await jane.ChatAsync("set the volume to 300", first.ConversationId)).Refused);

        // Read as the support console reads it: the staff frame over a staff member's own connection.
        await using BotClient sam = await StaffAsync("staff_001");
        await sam.SendAsync(new { action = "getUpgradeDemand", days = 2 });
        JsonObject frame = (await sam.ReceiveUntilAsync("upgradeDemand")).Last();

        Assert.Equal("""{"refusals":2,"questions":1,"total":3}""", frame["totals"]!.ToJsonString());
        Assert.Equal(
            """[{"action":"music_services","refusals":2,"questions":0,"total":2},{"action":null,"refusals":0,"questions":1,"total":1}]""",
            frame["byAction"]!.ToJsonString());
        Assert.Equal(
            """[{"fromTier":"basic","toTier":"premium","refusals":2,"questions":0,"total":2},{"fromTier":"basic","toTier":"enterprise","refusals":0,"questions":1,"total":1}]""",
            frame["byUpgrade"]!.ToJsonString());
        Assert.Equal(2, frame["byDay"]!.AsArray().Count);
        Assert.Equal(3, frame["byDay"]!.AsArray().Sum(d => (int)d!["total"]!));
    }

    [Fact]
    public async Task Only_staff_connections_get_the_report_and_a_bad_range_is_refused_with_a_reason()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        await jane.SendAsync(new { action = "getUpgradeDemand" });
        JsonObject refused = (await jane.ReceiveUntilAsync("error")).Last();
        Assert.Equal("unauthorized", (string?)refused["code"]);

        await using BotClient sam = await StaffAsync("staff_001");
        await sam.SendAsync(new { action = "getUpgradeDemand", days = 0 });
        JsonObject bad = (await sam.ReceiveUntilAsync("error")).Last();
        Assert.Equal("bad_request", (string?)bad["code"]);
        Assert.Equal("days must be between 1 and 366.", (string?)bad["message"]);

        await sam.SendAsync(new { action = "getUpgradeDemand" });
        JsonObject month = (await sam.ReceiveUntilAsync("upgradeDemand")).Last();
        Assert.Equal(30, month["byDay"]!.AsArray().Count);
    }

    private async Task<BotClient> StaffAsync(string staffId) => await BotClient.ConnectAsync(_server.WebSocketUri($"staffId={staffId}"));

    [Fact]
    public async Task The_report_serializes_to_the_documented_upgradeDemand_shape()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        await john.ChatAsync("play it in every room");
        UpgradeDemandReport report = await _server.Services.GetRequiredService<UpgradeDemandReports>().LastDaysAsync(1, TestContext.Current.CancellationToken);

        JsonObject json = JsonNode.Parse(JsonSerializer.Serialize(report, FrameJson.Default.UpgradeDemandReport))!.AsObject();

        string today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["from", "to", "byAction", "byUpgrade", "byDay", "totals"], json.Select(p => p.Key));
        Assert.Equal((today, today), ((string?)json["from"], (string?)json["to"]));
        Assert.Equal("""{"action":"multi_room_audio","refusals":1,"questions":0,"total":1}""", json["byAction"]![0]!.ToJsonString());
        Assert.Equal("""{"fromTier":"premium","toTier":"enterprise","refusals":1,"questions":0,"total":1}""", json["byUpgrade"]![0]!.ToJsonString());
        Assert.Equal($$"""{"day":"{{today}}","refusals":1,"questions":0,"total":1}""", json["byDay"]![0]!.ToJsonString());
        Assert.Equal("""{"refusals":1,"questions":0,"total":1}""", json["totals"]!.ToJsonString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(367)]
    public async Task A_report_for_no_days_or_more_than_a_year_is_refused_with_a_reason(int days)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _server.Services.GetRequiredService<UpgradeDemandReports>().LastDaysAsync(days, TestContext.Current.CancellationToken));

        Assert.Contains("days must be between 1 and 366", error.Message, StringComparison.Ordinal);
    }
}
