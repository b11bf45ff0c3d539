using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Seeding;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests;

/// <summary>
/// The core and the SQLite store wired by the server's own registrations, on a database file of the test's own holding
/// the seeded customers and staff; what the core sends goes to the test's channel. Disposing deletes the file.
/// </summary>
internal sealed class ServerWiring : IAsyncDisposable
{
    private readonly string _path;
    private readonly ServiceProvider _services;

    private ServerWiring(string name, IClientChannel channel, TimeProvider? clock)
    {
        _path = Path.Combine(Path.GetTempPath(), $"servicebot-{name}-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddServiceBotCore();
        services.AddServiceBotSqlite();
        services.Configure<SqliteOptions>(o => o.DatabasePath = _path);
        services.AddSingleton(channel);
        _services = services.BuildServiceProvider();
    }

    public static async Task<ServerWiring> StartAsync(string name, IClientChannel channel, TimeProvider? clock, CancellationToken cancellationToken)
    {
        var wiring = new ServerWiring(name, channel, clock);
        await wiring.Get<SqliteDatabase>().InitializeAsync(cancellationToken);
        await wiring.Get<SeedHandler>().SeedAsync(SeedData.Default, cancellationToken);
        return wiring;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }
}
