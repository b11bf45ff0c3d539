using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core;

namespace ServiceBot.Sqlite;

/// <summary>
/// The database file. Readers open pooled connections and run side by side (WAL); writers share one
/// connection behind a lock, because SQLite takes one writer at a time and queueing here is cheaper than
/// its busy-retry sleeps.
/// </summary>
public sealed class SqliteDatabase : IStoreInitializer, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteDatabase(IOptions<SqliteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string path = System.IO.Path.GetFullPath(options.Value.DatabasePath);
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

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SqliteConnection writer = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            return await write(writer).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            var writer = new SqliteConnection(_connectionString);
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL + NORMAL: every commit survives a crash of this process; only a power cut can lose the last commits.
            await ExecuteAsync(writer, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
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
