namespace ServiceBot.Core.Guards;

/// <summary>The budgets a customer's frames draw on: messages (each one runs the agent) and reads (profile, history).</summary>
public enum RateLimitBucket
{
    Messages,
    Reads,
}

/// <summary>
/// Per-customer limits on every client action. One process keeps its windows in memory; instances that scale out
/// (Lambda) share them in the store, so a customer cannot multiply their budget by landing on many instances.
/// </summary>
public interface IRequestRateLimiter
{
    /// <summary>True when the customer may make one more request of this kind now (and it is counted).</summary>
    ValueTask<bool> TryAcquireAsync(string customerId, RateLimitBucket bucket, CancellationToken cancellationToken);
}
