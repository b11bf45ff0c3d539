using Microsoft.Data.Sqlite;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Support;

namespace ServiceBot.Sqlite;

/// <summary>The support queue on SQLite: every change is one conditional statement on the single writer, so none can race.</summary>
public sealed class SqliteSupportQueueStore(SqliteDatabase database) : ISupportQueueStore
{
    private readonly OpenQueueEntries _open = new(database);

    private const string Columns = "conversation_id, customer_id, customer_name, tier, support_priority, requested_at, status, staff_id, staff_name, customer_connection_id, language";

    public Task<QueueEntry> EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync(writer =>
        {
            SqliteCommand insert = writer.Command($"""
                INSERT INTO support_queue ({Columns})
                VALUES ($conversation, $customer, $name, $tier, $priority, $requested, 'waiting', NULL, NULL, $connection, $language)
                ON CONFLICT (conversation_id) DO UPDATE SET
                    customer_id = excluded.customer_id, customer_name = excluded.customer_name, tier = excluded.tier,
                    support_priority = excluded.support_priority, requested_at = excluded.requested_at, status = 'waiting',
                    staff_id = NULL, staff_name = NULL, customer_connection_id = excluded.customer_connection_id,
                    language = excluded.language
                WHERE support_queue.status NOT IN ('waiting', 'assigned');
                """);
            insert.Parameters.AddWithValue("$conversation", entry.ConversationId);
            insert.Parameters.AddWithValue("$customer", entry.CustomerId);
            insert.Parameters.AddWithValue("$name", entry.CustomerName);
            insert.Parameters.AddWithValue("$tier", entry.Tier);
            insert.Parameters.AddWithValue("$priority", entry.SupportPriority);
            insert.Parameters.AddWithValue("$requested", Timestamps.ToKey(entry.RequestedAt));
            insert.Parameters.AddWithValue("$connection", (object?)entry.CustomerConnectionId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$language", entry.Language.Code());
            insert.ExecuteNonQuery();

            SqliteCommand select = writer.Command($"SELECT {Columns} FROM support_queue WHERE conversation_id = $conversation;");
            select.Parameters.AddWithValue("$conversation", entry.ConversationId);
            using SqliteDataReader reader = select.ExecuteReader();
            reader.Read();
            QueueEntry stored = Read(reader);
            _open.Opened(stored.ConversationId);
            return stored;
        }, cancellationToken);
    }

    public async Task<QueueEntry?> FindOpenAsync(string conversationId, CancellationToken cancellationToken) =>
        await _open.MayBeOpenAsync(conversationId, cancellationToken).ConfigureAwait(false)
        && await FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is { IsOpen: true } entry
            ? entry
            : null;

    public Task<QueueEntry?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM support_queue WHERE conversation_id = $conversation;";
            command.Parameters.AddWithValue("$conversation", conversationId);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<QueueEntry>> ListOpenAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<QueueEntry>>(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM support_queue WHERE status IN ('waiting', 'assigned');";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var open = new List<QueueEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                open.Add(Read(reader));
            }

            return open;
        }, cancellationToken);

    public Task<bool> TryTakeAsync(string conversationId, string staffId, string staffName, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("""
                UPDATE support_queue SET status = 'assigned', staff_id = $staff, staff_name = $name
                WHERE conversation_id = $conversation AND status = 'waiting';
                """);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$staff", staffId);
            command.Parameters.AddWithValue("$name", staffName);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public async Task<bool> TryEndAsync(string conversationId, string staffId, string staffName, string status, bool orWaiting, CancellationToken cancellationToken)
    {
        if (QueueStatuses.IsOpen(status))
        {
            throw new ArgumentException($"An entry ends as returned or closed, not {status}.", nameof(status));
        }

        try
        {
            return await database.WriteAsync(writer =>
            {
                SqliteCommand command = writer.Command("""
                    UPDATE support_queue SET status = $status, staff_id = $staff, staff_name = $name
                    WHERE conversation_id = $conversation
                      AND ((status = 'assigned' AND staff_id = $staff) OR ($orWaiting = 1 AND status = 'waiting'));
                    """);
                command.Parameters.AddWithValue("$conversation", conversationId);
                command.Parameters.AddWithValue("$status", status);
                command.Parameters.AddWithValue("$staff", staffId);
                command.Parameters.AddWithValue("$name", staffName);
                command.Parameters.AddWithValue("$orWaiting", orWaiting ? 1 : 0);
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                _open.Ended(conversationId);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            _open.Forget();
            throw;
        }
    }

    public Task UpdateCustomerConnectionAsync(string conversationId, string connectionId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("""
                UPDATE support_queue SET customer_connection_id = $connection
                WHERE conversation_id = $conversation AND status IN ('waiting', 'assigned');
                """);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$connection", connectionId);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static QueueEntry Read(SqliteDataReader reader) => new()
    {
        ConversationId = reader.GetString(0),
        CustomerId = reader.GetString(1),
        CustomerName = reader.GetString(2),
        Tier = reader.GetString(3),
        SupportPriority = reader.GetString(4),
        RequestedAt = Timestamps.FromKey(reader.GetString(5)),
        Status = reader.GetString(6),
        StaffId = reader.IsDBNull(7) ? null : reader.GetString(7),
        StaffName = reader.IsDBNull(8) ? null : reader.GetString(8),
        CustomerConnectionId = reader.IsDBNull(9) ? null : reader.GetString(9),
        Language = Languages.FromCode(reader.IsDBNull(10) ? null : reader.GetString(10)) ?? Language.English,
    };
}
