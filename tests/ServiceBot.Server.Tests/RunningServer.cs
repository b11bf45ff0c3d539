using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Server.Tests;

/// <summary>The real server on real Kestrel, on a free loopback port, with its own SQLite file.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private RunningServer(WebApplication app, string databasePath, bool ownsDatabase)
    {
        _app = app;
        DatabasePath = databasePath;
        _ownsDatabase = ownsDatabase;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address);
    }

    public Uri BaseUri { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(string? databasePath = null, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        bool owns = databasePath is null;
        databasePath ??= Path.Combine(Path.GetTempPath(), $"servicebot-test-{Guid.NewGuid():N}.db");
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--ServiceBot:DatabasePath={databasePath}", "--ServiceBot:RateLimit:PermitLimit=0" };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        WebApplication app = ServiceBotApp.Create([.. args], b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(b);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningServer(app, databasePath, owns);
    }

    public Uri WebSocketUri(string query) => new($"ws://{BaseUri.Authority}/ws?{query}");

    public async Task<BotClient> ConnectAsync(string customerId = "cust_002") =>
        await BotClient.ConnectAsync(WebSocketUri($"customerId={customerId}"));

    public HttpClient Http() => new() { BaseAddress = BaseUri };

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            ServiceBot.Testing.DatabaseFiles.Delete(DatabasePath);
        }
    }
}
