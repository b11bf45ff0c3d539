namespace ServiceBot.Core.Scheduling;

/// <summary>Wakes the in-process runner when a job is added, so a timer due sooner than the next poll is not late.</summary>
public sealed class SchedulerSignal : IDisposable
{
    private readonly SemaphoreSlim _added = new(0, 1);

    public void Notify()
    {
        try
        {
            _added.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every job added since.
        }
    }

    public void Dispose() => _added.Dispose();

    /// <summary>Waits until a job is added or <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task added = _added.WaitAsync(wait.Token);
        Task elapsed = Task.Delay(timeout, time, wait.Token);
        await Task.WhenAny(added, elapsed).ConfigureAwait(false);
        await wait.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
