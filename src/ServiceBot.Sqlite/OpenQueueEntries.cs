using Microsoft.Data.Sqlite;

namespace ServiceBot.Sqlite;

/// <summary>
/// The conversations whose support queue entry is open, so that a customer message in any other conversation (nearly
/// every one) learns it without a read of the file. This process is the file's only writer, and the set changes only
/// on the writer, in order with the writes: it is loaded there the first time it is asked, and each write that opens
/// or ends an entry adds or drops it there. A write whose commit then fails makes the set load again, so it never
/// keeps a conversation out that the file holds open.
/// </summary>
internal sealed class OpenQueueEntries(SqliteDatabase database)
{
    internal const string SelectOpen = "SELECT conversation_id FROM support_queue WHERE status IN ('waiting', 'assigned');";

    private readonly Lock _gate = new();
    private HashSet<string>? _open;
    private Task<bool>? _loading;

    /// <summary>False when the conversation surely has no open entry; true when it has one or the set could not be loaded.</summary>
    public async ValueTask<bool> MayBeOpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _open) is null)
        {
            Task<bool> loading;
            lock (_gate)
            {
                loading = _loading ??= database.WriteAsync(Load, CancellationToken.None);
            }

            try
            {
                await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or ObjectDisposedException)
            {
                Forget();
                return true;
            }
        }

        lock (_gate)
        {
            return _open?.Contains(conversationId) ?? true;
        }
    }

    /// <summary>Called on the writer by the write that opened the entry.</summary>
    public void Opened(string conversationId)
    {
        lock (_gate)
        {
            _open?.Add(conversationId);
        }
    }

    /// <summary>Called on the writer by the write that ended the entry.</summary>
    public void Ended(string conversationId)
    {
        lock (_gate)
        {
            _open?.Remove(conversationId);
        }
    }

    /// <summary>A write's commit failed: what the set saw may not be in the file, so it is loaded again when next asked.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _open = null;
            _loading = null;
        }
    }

    private bool Load(SqliteWriter writer)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        using (SqliteDataReader reader = writer.Command(SelectOpen).ExecuteReader())
        {
            while (reader.Read())
            {
                open.Add(reader.GetString(0));
            }
        }

        // A batch that is run again after a rollback loads again: the last load is the one the file kept.
        lock (_gate)
        {
            _open = open;
        }

        return true;
    }
}
