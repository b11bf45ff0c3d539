using System.Text;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Agent;

/// <summary>
/// Sits between the agent and the host's sink: the first words go out at once, later ones at most about once per
/// interval (a model writes a token every few milliseconds; a frame each would flood a phone on a slow network).
/// Device changes go out at once, after the words written before them, so the client sees things in order.
/// </summary>
internal sealed class CoalescingEventSink(IAgentEventSink inner, TimeProvider time, TimeSpan interval) : IAgentEventSink, IDisposable
{
    // Sends are serialized: the agent's loop and a tool running inside the function invoker can both reach here.
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly StringBuilder _pending = new();
    private int _pendingLength;
    private long _lastSent;
    private bool _sentText;

    /// <summary>How long until held-back words are due, or null when none are held back.</summary>
    public TimeSpan? PendingDue
    {
        get
        {
            if (Volatile.Read(ref _pendingLength) == 0)
            {
                return null;
            }

            TimeSpan left = interval - time.GetElapsedTime(Volatile.Read(ref _lastSent));
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public async ValueTask TextAsync(string delta, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (delta.Length == 0)
            {
                return;
            }

            _pending.Append(delta);
            Volatile.Write(ref _pendingLength, _pending.Length);
            if (!_sentText || time.GetElapsedTime(_lastSent) >= interval)
            {
                await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    public async ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            await inner.DeviceChangedAsync(device, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Drops words not yet sent: they belong to an answer that will not be finished.</summary>
    public async ValueTask DiscardPendingAsync(CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pending.Clear();
        Volatile.Write(ref _pendingLength, 0);
        _send.Release();
    }

    public void Dispose() => _send.Dispose();

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        string text = _pending.ToString();
        _pending.Clear();
        Volatile.Write(ref _pendingLength, 0);
        Volatile.Write(ref _lastSent, time.GetTimestamp());
        _sentText = true;
        await inner.TextAsync(text, cancellationToken).ConfigureAwait(false);
    }
}
