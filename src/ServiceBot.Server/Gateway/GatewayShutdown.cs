namespace ServiceBot.Server.Gateway;

/// <summary>
/// On shutdown, before Kestrel drains: every socket stops taking frames, finishes the reply in progress
/// and closes with 1001, so clients know to reconnect elsewhere or later.
/// </summary>
internal sealed class GatewayShutdown(IHostApplicationLifetime lifetime, ConnectionRegistry registry) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => registry.ShutdownAllAsync().GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }
}
