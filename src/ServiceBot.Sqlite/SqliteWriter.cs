using Microsoft.Data.Sqlite;

namespace ServiceBot.Sqlite;

/// <summary>
/// What a write gets on the writer thread: the writer's connection and its statements, each compiled once.
/// A command's prepared statement survives between executions, so the same insert is not parsed again for
/// every message (parsing was a quarter of SQLite's time in a write).
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    internal SqliteWriter(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The command for <paramref name="sql"/>, with no parameters yet; the writer owns it, so do not dispose it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_statements.TryGetValue(sql, out SqliteCommand? command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (SqliteCommand command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
    }
}
