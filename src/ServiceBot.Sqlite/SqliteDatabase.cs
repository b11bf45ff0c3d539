using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core;

namespace ServiceBot.Sqlite;

/// <summary>
/// The database file. Readers open pooled connections and run side by side (WAL); writes go to one writer
/// thread that commits whatever is queued in one transaction, because SQLite takes one writer at a time and
/// its synchronous I/O would otherwise block thread-pool threads that the sockets need.
/// </summary>
public sealed class SqliteDatabase : IStoreInitializer, IAsyncDisposable
{
    private readonly string _connectionString;
    /// <summary>Writes committed together at most; enough to absorb a burst, small enough to keep each commit short.</summary>
    private const int MaxBatch = 128;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<QueuedWrite> _writes = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteConnection? _writer;
    private Thread? _writerThread;
    private WalCheckpointer? _checkpointer;
    private readonly long _walRestartPages;

    public SqliteDatabase(IOptions<SqliteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string path = System.IO.Path.GetFullPath(options.Value.DatabasePath);
        _walRestartPages = options.Value.WalRestartPages;
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens the file, switches it to WAL and brings its schema up to date.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SqliteConnection writer = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(writer, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer thread, in a transaction shared with the writes queued beside it
    /// (group commit): one commit for many messages under load, and no thread-pool thread blocked on disk.
    /// The task completes once the write is committed; a write that throws is rolled back alone.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriter, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWriter();
        var item = new QueuedWrite<T>(write);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(item), this);
        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        if (_writerThread is not null)
        {
            await _writerStopped.Task.ConfigureAwait(false);
        }

        _checkpointer?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writeLock.Dispose();
    }

    private void EnsureWriter()
    {
        if (_writerThread is not null)
        {
            return;
        }

        lock (_writes)
        {
            if (_writerThread is null)
            {
                _checkpointer = new WalCheckpointer(_connectionString, _walRestartPages);
                _checkpointer.Start();
                var thread = new Thread(WriterLoop) { IsBackground = true, Name = "ServiceBot SQLite writer" };
                thread.Start();
                _writerThread = thread;
            }
        }
    }

    private void WriterLoop()
    {
        var batch = new List<QueuedWrite>(MaxBatch);
        try
        {
            SqliteConnection connection = OpenWriterAsync(CancellationToken.None).GetAwaiter().GetResult();
            using var writer = new SqliteWriter(connection);
            SqliteCommand begin = writer.Command("BEGIN IMMEDIATE;");
            SqliteCommand commit = writer.Command("COMMIT;");
            SqliteCommand rollback = writer.Command("ROLLBACK;");
            SqliteCommand savepoint = writer.Command("SAVEPOINT one_write;");
            SqliteCommand release = writer.Command("RELEASE one_write;");
            SqliteCommand undo = writer.Command("ROLLBACK TO one_write;");
            SqliteCommand checkpoint = writer.Command("PRAGMA wal_checkpoint(PASSIVE);");
            while (_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out QueuedWrite? item))
                {
                    batch.Add(item);
                }

                try
                {
                    // Each write alone in a savepoint costs two more statements per write, so the batch first runs
                    // without them; only when a write throws does it run again with each write isolated, so the others
                    // are kept and only the failing one is refused. Writes only touch the database, so running one
                    // twice after a rollback is the same as running it once.
                    if (!RunTogether(writer, batch, begin, commit, rollback))
                    {
                        RunIsolated(writer, batch, begin, commit, savepoint, release, undo);
                    }
                }
                catch (SqliteException ex)
                {
                    // The commit itself failed (disk full, I/O error): none of the batch is stored, and each caller hears so.
                    TryExecute(rollback);
                    foreach (QueuedWrite item in batch)
                    {
                        item.Fail(ex);
                    }

                    continue;
                }

                foreach (QueuedWrite item in batch)
                {
                    item.Complete();
                }

                _checkpointer!.FinishIfLong(checkpoint);
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            foreach (QueuedWrite item in batch)
            {
                item.Fail(ex);
            }

            while (_writes.Reader.TryRead(out QueuedWrite? left))
            {
                left.Fail(ex);
            }
        }
        finally
        {
            _writerStopped.TrySetResult();
        }
    }

    /// <summary>Runs the batch in one transaction; false (and rolled back) when any write threw.</summary>
    private static bool RunTogether(SqliteWriter writer, List<QueuedWrite> batch, SqliteCommand begin, SqliteCommand commit, SqliteCommand rollback)
    {
        begin.ExecuteNonQuery();
        foreach (QueuedWrite item in batch)
        {
            if (!item.Run(writer))
            {
                rollback.ExecuteNonQuery();
                return false;
            }
        }

        commit.ExecuteNonQuery();
        return true;
    }

    /// <summary>Runs the batch in one transaction with each write in its own savepoint, so a write that throws is undone alone.</summary>
    private static void RunIsolated(
        SqliteWriter writer, List<QueuedWrite> batch, SqliteCommand begin, SqliteCommand commit,
        SqliteCommand savepoint, SqliteCommand release, SqliteCommand undo)
    {
        begin.ExecuteNonQuery();
        foreach (QueuedWrite item in batch)
        {
            savepoint.ExecuteNonQuery();
            if (!item.Run(writer))
            {
                undo.ExecuteNonQuery();
            }

            release.ExecuteNonQuery();
        }

        commit.ExecuteNonQuery();
    }

    private static void TryExecute(SqliteCommand command)
    {
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // No transaction was open: nothing to undo.
        }
    }

    private abstract class QueuedWrite
    {
        /// <summary>Runs the write; false when it threw (the caller rolls back to the savepoint).</summary>
        public abstract bool Run(SqliteWriter writer);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteWriter, T> write) : QueuedWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _done.Task;

        public override bool Run(SqliteWriter writer)
        {
            _error = null;
            try
            {
                _result = write(writer);
                return true;
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or ArgumentException)
            {
                _error = ex;
                return false;
            }
        }

        public override void Complete()
        {
            if (_error is null)
            {
                _done.TrySetResult(_result!);
            }
            else
            {
                _done.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            var writer = new SqliteConnection(_connectionString);
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL + FULL: a commit is on disk (the log is synced) before its writes complete, so an acknowledged message
            // survives a power cut too; group commit shares one sync among every write queued beside it. The writer never checkpoints on its own (WalCheckpointer does, beside it); a log file that grew in a burst
            // is cut back to 64 MB when it restarts.
            await ExecuteAsync(writer, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;", cancellationToken).ConfigureAwait(false);
            _writer = writer;
        }

        return _writer;
    }

    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        long version = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (version > SqliteSchema.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database file is from a newer ServiceBot (schema {version}; this build knows {SqliteSchema.Migrations.Count}).");
        }

        if (version == SqliteSchema.Migrations.Count)
        {
            return;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (long next = version; next < SqliteSchema.Migrations.Count; next++)
        {
            await ExecuteAsync(connection, SqliteSchema.Migrations[(int)next], cancellationToken, transaction).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, $"PRAGMA user_version = {SqliteSchema.Migrations.Count};", cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
