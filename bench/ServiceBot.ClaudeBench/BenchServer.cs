using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceBot.Server.Hosting;
using ServiceBot.Testing;

namespace ServiceBot.ClaudeBench;

/// <summary>The real self-hosted server, composed as Program composes it, with Claude pointed at the stand-in.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _database;

    private BenchServer(WebApplication app, string database)
    {
        _app = app;
        _database = database;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address).Authority;
    }

    public string Authority { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchServer> StartAsync(Uri claude, string apiKey)
    {
        string database = Path.Combine(Path.GetTempPath(), $"servicebot-claudebench-{Guid.NewGuid():N}.db");
        WebApplication app = ServiceBotApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            $"--ServiceBot:DatabasePath={database}",
            "--ServiceBot:RateLimit:PermitLimit=0",
            $"--ANTHROPIC_API_KEY={apiKey}",
            $"--ANTHROPIC_BASE_URL={claude}",
        ], b => b.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Error));
        await app.StartAsync();
        return new BenchServer(app, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        DatabaseFiles.Delete(_database);
    }
}
