namespace ServiceBot.Core.ServiceLevels;

/// <summary>
/// The tiers, read from the store once and kept: they change only when the seed runs, which invalidates them.
/// A short lifetime bounds how stale another process's copy can be (Lambda instances).
/// </summary>
public sealed class ServiceLevelDirectory(IServiceLevelStore store, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private volatile Cached? _cached;

    private sealed record Cached(ServiceLevelCatalog Catalog, DateTimeOffset Expires);

    public async ValueTask<ServiceLevelCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        Cached? cached = _cached;
        if (cached is not null && cached.Expires > time.GetUtcNow())
        {
            return cached.Catalog;
        }

        IReadOnlyList<ServiceLevel> levels = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var catalog = new ServiceLevelCatalog(levels);
        _cached = new Cached(catalog, time.GetUtcNow() + Lifetime);
        return catalog;
    }

    public void Invalidate() => _cached = null;
}
