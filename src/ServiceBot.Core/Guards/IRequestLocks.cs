namespace ServiceBot.Core.Guards;

/// <summary>
/// "In progress" claims on a customer's clientMessageId, so two deliveries of one frame never run the agent twice,
/// even on two instances: the second waits until the first has stored its reply, then finds and replays it.
/// </summary>
public interface IRequestLocks
{
    /// <summary>
    /// Holds the key until the result is disposed. Throws <see cref="RequestInProgressException"/> when another
    /// holder keeps it past the wait a client can be asked to sit through.
    /// </summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The same frame is still being answered elsewhere; the client should retry later.</summary>
public sealed class RequestInProgressException : Exception
{
    public RequestInProgressException()
        : base("The request is still being answered.")
    {
    }

    public RequestInProgressException(string message)
        : base(message)
    {
    }

    public RequestInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
