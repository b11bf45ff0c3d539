using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServiceBot.Core.Handlers;

/// <summary>Per-customer limit on sendMessage: a fixed window per customer, so one busy customer never slows another.</summary>
public sealed class MessageRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public MessageRateLimiter(IOptions<ServiceBotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RateLimitOptions limits = options.Value.RateLimit;
        if (limits.PermitLimit > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(customerId =>
                RateLimitPartition.GetFixedWindowLimiter(customerId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    /// <summary>True when the customer may send one more message now.</summary>
    public bool TryAcquire(string customerId)
    {
        if (_limiter is null)
        {
            return true;
        }

        using RateLimitLease lease = _limiter.AttemptAcquire(customerId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
