namespace ServiceBot.Sqlite;

/// <summary>Where the database file lives (<c>ServiceBot__DatabasePath</c>).</summary>
public sealed class SqliteOptions
{
    public string DatabasePath { get; set; } = "servicebot.db";

    /// <summary>
    /// Log pages (4 KB each) beyond which the write-ahead log is restarted: 64 MB, a restart every second or two at full
    /// load, each holding the writes queued meanwhile for a few milliseconds (two fsyncs). Not a setting: tests lower it.
    /// </summary>
    internal long WalRestartPages { get; set; } = 16384;
}
