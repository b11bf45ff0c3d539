using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Conversations;

namespace ServiceBot.Sqlite;

public sealed class SqliteMessageStore(SqliteDatabase database) : IMessageStore
{
    /// <summary>Conversations held per cache generation, and the newest messages held of each (a web conversation is about 40).</summary>
    private const int CachedConversations = 1024;
    private const int CachedMessages = 64;

    private readonly ConversationCache _cache = new(CachedConversations, CachedMessages);

    private const string Columns = "conversation_id, timestamp, user_id, sender, client_message_id, data";

    internal const string Insert = $"""
        INSERT INTO messages ({Columns}) VALUES ($conversation, $timestamp, $user, $sender, $cmid, $data)
        ON CONFLICT (conversation_id, timestamp) DO NOTHING;
        """;

    /// <summary>On the primary key: reads only the conversation's newest rows.</summary>
    internal const string SelectConversation = $"SELECT {Columns} FROM messages WHERE conversation_id = $key ORDER BY timestamp DESC LIMIT $limit;";

    /// <summary>On UserIdIndex: reads only the customer's newest rows.</summary>
    internal const string SelectByUser = $"SELECT {Columns} FROM messages INDEXED BY UserIdIndex WHERE user_id = $key ORDER BY timestamp DESC LIMIT $limit;";

    /// <summary>
    /// On the (user, key, time) index: reads only the asking rows with this key. Named, because on UserIdIndex (which
    /// also serves ORDER BY timestamp) it walked every message the customer ever sent, once per message.
    /// </summary>
    internal const string SelectByClientMessageId =
        $"SELECT {Columns} FROM messages INDEXED BY messages_by_client_message_id WHERE user_id = $key AND client_message_id = $cmid AND sender <> 'bot' ORDER BY timestamp LIMIT $limit;";

    /// <summary>On the primary key: the bot's reply to a keyed question, the first reply with its key after it.</summary>
    internal const string SelectReply =
        $"SELECT {Columns} FROM messages WHERE conversation_id = $conversation AND timestamp > $after AND client_message_id = $cmid AND sender = 'bot' ORDER BY timestamp LIMIT 1;";

    public async Task<bool> TryAddAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string data = JsonSerializer.Serialize(
            new MessageBody(
                message.Text, message.RequestType, message.RequiredActions, message.Allowed, message.Actions, message.Source, message.Usage,
                message.AgentName, message.Language),
            StoreJson.Default.MessageBody);
        bool added = await database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command(Insert);
            command.Parameters.AddWithValue("$conversation", message.ConversationId);
            command.Parameters.AddWithValue("$timestamp", Timestamps.ToKey(message.Timestamp));
            command.Parameters.AddWithValue("$user", message.UserId);
            command.Parameters.AddWithValue("$sender", message.Sender);
            command.Parameters.AddWithValue("$cmid", (object?)message.ClientMessageId ?? DBNull.Value);
            command.Parameters.AddWithValue("$data", data);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            _cache.Added(message);
        }

        return added;
    }

    public async Task<IReadOnlyList<StoredMessage>> GetConversationAsync(string conversationId, int limit, CancellationToken cancellationToken)
    {
        if (!_cache.TryGet(conversationId, out IReadOnlyList<StoredMessage> held, out bool complete))
        {
            long writes = _cache.BeginLoad(conversationId);
            List<StoredMessage> loaded = await ReadConversationAsync(conversationId, Math.Max(limit, _cache.LoadLimit), cancellationToken).ConfigureAwait(false);
            _cache.Loaded(conversationId, writes, loaded);
            return loaded.Count > limit ? loaded[^limit..] : loaded;
        }

        if (held.Count >= limit || complete)
        {
            return held.Count > limit ? held.Skip(held.Count - limit).ToArray() : held;
        }

        return await ReadConversationAsync(conversationId, limit, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<StoredMessage>> ReadConversationAsync(string conversationId, int limit, CancellationToken cancellationToken)
    {
        List<StoredMessage> newestFirst = await QueryAsync(SelectConversation, conversationId, limit, cancellationToken).ConfigureAwait(false);
        newestFirst.Reverse();
        return newestFirst;
    }

    public async Task<IReadOnlyList<StoredMessage>> GetByUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(SelectByUser, userId, limit, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<StoredMessage>> FindByClientMessageIdAsync(string userId, string clientMessageId, string? conversationId, CancellationToken cancellationToken)
    {
        // A conversation held whole answers without the file: the web front end names its conversation on every retry.
        if (conversationId is not null && _cache.TryFindKey(conversationId, userId, clientMessageId, out IReadOnlyList<StoredMessage> held))
        {
            return held;
        }

        return await database.ReadAsync(async connection =>
        {
            List<StoredMessage> asked = await ReadAllAsync(connection, SelectByClientMessageId, cancellationToken,
                ("$key", userId), ("$cmid", clientMessageId), ("$limit", 20)).ConfigureAwait(false);
            var found = new List<StoredMessage>();
            foreach (StoredMessage question in asked.Where(m => conversationId is null || m.ConversationId == conversationId))
            {
                found.Add(question);
                found.AddRange(await ReadAllAsync(connection, SelectReply, cancellationToken,
                    ("$conversation", question.ConversationId), ("$after", Timestamps.ToKey(question.Timestamp)), ("$cmid", clientMessageId)).ConfigureAwait(false));
            }

            return found.OrderBy(m => m.Timestamp).ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<List<StoredMessage>> QueryAsync(string sql, string key, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadAllAsync(connection, sql, cancellationToken, ("$key", key), ("$limit", limit)), cancellationToken);

    private static async Task<List<StoredMessage>> ReadAllAsync(
        SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(Read(reader));
        }

        return messages;
    }

    private static StoredMessage Read(SqliteDataReader reader)
    {
        MessageBody body = JsonSerializer.Deserialize(reader.GetString(5), StoreJson.Default.MessageBody)!;
        return new StoredMessage
        {
            ConversationId = reader.GetString(0),
            Timestamp = Timestamps.FromKey(reader.GetString(1)),
            UserId = reader.GetString(2),
            Sender = reader.GetString(3),
            ClientMessageId = reader.IsDBNull(4) ? null : reader.GetString(4),
            Text = body.Text,
            RequestType = body.RequestType,
            RequiredActions = body.RequiredActions,
            Allowed = body.Allowed,
            Actions = body.Actions,
            Source = body.Source,
            AgentName = body.AgentName,
            Usage = body.Usage,
            Language = body.Language,
        };
    }
}
