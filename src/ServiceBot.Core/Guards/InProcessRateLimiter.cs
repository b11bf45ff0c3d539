using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServiceBot.Core.Guards;

/// <summary>
/// The rate limits of one process: a fixed window per customer and bucket, so one busy customer never slows another.
/// Right for the self-hosted server, where every connection lands on this process.
/// </summary>
public sealed class InProcessRateLimiter : IRequestRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<(string, RateLimitBucket)>? _limiter;

    public InProcessRateLimiter(IOptions<ServiceBotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RateLimitOptions limits = options.Value.RateLimit;
        if (limits.PermitLimit > 0 || limits.ReadPermitLimit > 0)
        {
            _limiter = PartitionedRateLimiter.Create<(string, RateLimitBucket), (string, RateLimitBucket)>(key =>
            {
                int permits = limits.PermitsFor(key.Item2);
                return permits == 0
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        }
    }

    public ValueTask<bool> TryAcquireAsync(string customerId, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return ValueTask.FromResult(true);
        }

        using RateLimitLease lease = _limiter.AttemptAcquire((customerId, bucket));
        return ValueTask.FromResult(lease.IsAcquired);
    }

    public void Dispose() => _limiter?.Dispose();
}
