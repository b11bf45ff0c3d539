using ServiceBot.Core.Conversations;

namespace ServiceBot.Sqlite;

/// <summary>
/// The newest messages of the conversations in use, so that a chat message neither reads and parses its
/// conversation's history again nor searches for its clientMessageId in the file: with the web front end's frames
/// both happen on every message, and reading them was most of the server's work per message.
/// This process is the file's only writer and every message it stores passes <see cref="Added"/>, so a held
/// conversation stays exact; a conversation read while a message was being added to it is not kept (the next read
/// tries again), so a slow read never hides a newer message.
/// Two generations approximate least-recently-used: a lookup moves a conversation into the newer one, and when that
/// is full the older one is dropped.
/// </summary>
internal sealed class ConversationCache(int conversationsPerGeneration, int messagesPerConversation)
{
    private readonly object _gate = new();
    private Dictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _previous = new(StringComparer.Ordinal);

    /// <summary>Messages to ask the file for when loading: one more than are kept tells whether the conversation is all there.</summary>
    public int LoadLimit => messagesPerConversation + 1;

    /// <summary>The held conversation, oldest first, and whether it is the whole conversation; false when not held.</summary>
    public bool TryGet(string conversationId, out IReadOnlyList<StoredMessage> messages, out bool complete)
    {
        lock (_gate)
        {
            if (Find(conversationId) is { Messages: { } held } entry)
            {
                messages = held.ToArray();
                complete = entry.Complete;
                return true;
            }
        }

        messages = [];
        complete = false;
        return false;
    }

    /// <summary>
    /// The messages of a conversation held whole that carry this customer's key; false when the conversation is not
    /// held whole, so only the file can tell. Filters in place: the lookup runs on every keyed message.
    /// </summary>
    public bool TryFindKey(string conversationId, string userId, string clientMessageId, out IReadOnlyList<StoredMessage> found)
    {
        lock (_gate)
        {
            if (Find(conversationId) is { Messages: { } held, Complete: true })
            {
                found = held.Where(m => m.UserId == userId && m.ClientMessageId == clientMessageId).ToArray();
                return true;
            }
        }

        found = [];
        return false;
    }

    /// <summary>Call before reading a conversation from the file; pass the result to <see cref="Loaded"/>.</summary>
    public long BeginLoad(string conversationId)
    {
        lock (_gate)
        {
            Entry entry = Find(conversationId) ?? Add(conversationId);
            return entry.Writes;
        }
    }

    /// <summary>
    /// Keeps what the file returned for <see cref="LoadLimit"/> newest messages (oldest first), unless a message was
    /// added to the conversation since <see cref="BeginLoad"/>.
    /// </summary>
    public void Loaded(string conversationId, long writesBefore, IReadOnlyList<StoredMessage> oldestFirst)
    {
        lock (_gate)
        {
            if (Find(conversationId) is { } entry && entry.Writes == writesBefore && entry.Messages is null)
            {
                bool complete = oldestFirst.Count <= messagesPerConversation;
                entry.Messages = [.. complete ? oldestFirst : oldestFirst.Skip(oldestFirst.Count - messagesPerConversation)];
                entry.Complete = complete;
            }
        }
    }

    /// <summary>A message was stored: a held conversation takes it in time order, dropping its oldest past the limit.</summary>
    public void Added(StoredMessage message)
    {
        lock (_gate)
        {
            Entry? entry = _current.GetValueOrDefault(message.ConversationId) ?? _previous.GetValueOrDefault(message.ConversationId);
            if (entry is null)
            {
                return;
            }

            entry.Writes++;
            if (entry.Messages is not { } held)
            {
                return;
            }

            int at = held.Count;
            while (at > 0 && held[at - 1].Timestamp > message.Timestamp)
            {
                at--;
            }

            if (at > 0 && held[at - 1].Timestamp == message.Timestamp)
            {
                // Already there: the load that filled the entry read it from the file.
                return;
            }

            held.Insert(at, message);
            if (held.Count > messagesPerConversation)
            {
                held.RemoveAt(0);
                entry.Complete = false;
            }
        }
    }

    private Entry? Find(string conversationId)
    {
        if (_current.TryGetValue(conversationId, out Entry? entry))
        {
            return entry;
        }

        if (_previous.Remove(conversationId, out entry))
        {
            Keep(conversationId, entry);
            return entry;
        }

        return null;
    }

    private Entry Add(string conversationId)
    {
        var entry = new Entry();
        Keep(conversationId, entry);
        return entry;
    }

    private void Keep(string conversationId, Entry entry)
    {
        if (_current.Count >= conversationsPerGeneration)
        {
            _previous = _current;
            _current = new Dictionary<string, Entry>(StringComparer.Ordinal);
        }

        _current[conversationId] = entry;
    }

    private sealed class Entry
    {
        /// <summary>Messages added since the entry was made: a load that saw a different count may be missing one.</summary>
        public long Writes;

        /// <summary>Oldest first; null until a load completes.</summary>
        public List<StoredMessage>? Messages;

        /// <summary>True when <see cref="Messages"/> is the whole conversation.</summary>
        public bool Complete;
    }
}
