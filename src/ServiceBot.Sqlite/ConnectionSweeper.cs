using Microsoft.Extensions.Hosting;
using ServiceBot.Core.Connections;

namespace ServiceBot.Sqlite;

/// <summary>SQLite has no TTL of its own: this deletes connection rows whose ttl has passed, every few minutes.</summary>
internal sealed class ConnectionSweeper(IConnectionStore connections, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await connections.SweepExpiredAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        }
    }
}
