namespace ServiceBot.Sqlite;

/// <summary>Where the database file lives (<c>ServiceBot__DatabasePath</c>).</summary>
public sealed class SqliteOptions
{
    public string DatabasePath { get; set; } = "servicebot.db";
}
