using Microsoft.Extensions.Options;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Server.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("ServiceBot:RateLimit:PermitLimit", "-1", "PermitLimit must be between 0")]
    [InlineData("ServiceBot:RateLimit:WindowSeconds", "0", "WindowSeconds must be between 1")]
    [InlineData("ServiceBot:Auth:SigningKey", "short", "at least 32 characters")]
    [InlineData("ServiceBot:Store", "postgres", "use \"sqlite\"")]
    public async Task A_bad_setting_stops_the_start_with_a_sentence(string key, string value, string sentence)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using RunningServer server = await RunningServer.StartAsync(settings: new Dictionary<string, string?> { [key] = value });
        });
        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(sentence, error.Message);
    }

    [Fact]
    public async Task The_token_command_prints_a_token_the_server_accepts_only_with_a_key()
    {
        const string key = "0123456789abcdef0123456789abcdef";
        // Writers of the test's own, not Console: tests in other classes run alongside and write to Console too.
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(1, TokenCommand.Run(["token", "cust_002"], output, errors));
        Assert.Contains("SigningKey", errors.ToString());
        Assert.Equal(0, TokenCommand.Run(["token", "cust_002", "--ServiceBot:Auth:SigningKey=" + key], output, errors));

        string token = output.ToString().Trim();
        await using RunningServer server = await RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["ServiceBot:Auth:SigningKey"] = key });
        await using BotClient john = await BotClient.ConnectAsync(server.WebSocketUri("token=" + token));
        Assert.Equal("John Doe", (string?)(await john.ProfileAsync())["customer"]!["name"]);
    }
}
