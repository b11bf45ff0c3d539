using ServiceBot.Core;
using ServiceBot.Core.Seeding;

namespace ServiceBot.Server.Hosting;

/// <summary>Readiness: <c>/healthz</c> answers 200 once this is true.</summary>
internal sealed class StartupState
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public void MarkReady() => _ready = true;
}

/// <summary>Opens (or creates and migrates) the store and applies the seed before the server takes traffic.</summary>
internal sealed partial class StoreStartup(
    IStoreInitializer store,
    SeedHandler seed,
    StartupState state,
    ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await seed.SeedAsync(SeedData.Default, cancellationToken);
        state.MarkReady();
        LogReady(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store open and seeded; ready")]
    private static partial void LogReady(ILogger logger);
}
