using Microsoft.Data.Sqlite;

namespace ServiceBot.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own. Left to SQLite, the commit that
/// crosses a thousand pages does the whole copy (and its fsync) itself while every write queued behind it waits:
/// that was the slowest 1% of commits. Here a passive checkpoint runs beside the writer once a second: a page written
/// many times meanwhile (a conversation's newest rows) is copied once, which took a quarter off the bytes written per
/// message against ten passes a second. It can
/// never quite finish while writes keep arriving, so once the log has grown past a limit the writer, between two
/// commits, copies the few pages still left; the log then starts again from the top and stays small.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(1000);

    private readonly SqliteConnection _connection;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Lock _checkpointing = new();
    private readonly Thread _thread;
    private long _logPages;

    private readonly long _restartAbovePages;

    /// <param name="restartAbovePages">Log pages beyond which the writer finishes a checkpoint so the log restarts.</param>
    public WalCheckpointer(string connectionString, long restartAbovePages)
    {
        _restartAbovePages = restartAbovePages;
        _connection = new SqliteConnection(connectionString);
        _thread = new Thread(Run) { IsBackground = true, Name = "ServiceBot SQLite checkpointer" };
    }

    public void Start()
    {
        _connection.Open();
        _thread.Start();
    }

    /// <summary>
    /// Called by the writer between transactions: when the log is long, checkpoints what the background pass left
    /// (it has copied the rest), so the next write restarts the log. Skipped while the background pass is running.
    /// </summary>
    public void FinishIfLong(SqliteCommand checkpoint)
    {
        if (Volatile.Read(ref _logPages) <= _restartAbovePages || !_checkpointing.TryEnter())
        {
            return;
        }

        try
        {
            Checkpoint(checkpoint);

            // Every page is copied now, so the writer's next transaction starts the log again from the top.
            Volatile.Write(ref _logPages, 0);
        }
        finally
        {
            _checkpointing.Exit();
        }
    }

    public void Dispose()
    {
        _stop.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _connection.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        using SqliteCommand passive = _connection.CreateCommand();
        passive.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (!_stop.Wait(Interval))
        {
            lock (_checkpointing)
            {
                Volatile.Write(ref _logPages, Checkpoint(passive));
            }
        }
    }

    /// <summary>Runs a checkpoint; returns the pages in the log (copied or not: the log restarts only once all are copied and a write comes).</summary>
    private static long Checkpoint(SqliteCommand checkpoint)
    {
        try
        {
            using SqliteDataReader row = checkpoint.ExecuteReader();
            return row.Read() ? row.GetInt64(1) : 0;
        }
        catch (SqliteException)
        {
            // Busy or short of disk: the next round tries again; the writer's commits are unaffected either way.
            return 0;
        }
    }
}
