using ServiceBot.Core.Conversations;

namespace ServiceBot.Sqlite.Tests;

public sealed class ConversationCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StoredMessage Message(string conversation, int second) => new()
    {
        ConversationId = conversation,
        Timestamp = T0.AddSeconds(second),
        UserId = "cust_1",
        Sender = Senders.Customer,
        Text = $"m{second}",
    };

    [Fact]
    public void A_load_that_raced_a_new_message_is_not_kept()
    {
        var cache = new ConversationCache(16, 8);
        long writes = cache.BeginLoad("c");
        cache.Added(Message("c", 2));
        cache.Loaded("c", writes, [Message("c", 1)]);

        Assert.False(cache.TryGet("c", out _, out _));

        writes = cache.BeginLoad("c");
        cache.Loaded("c", writes, [Message("c", 1), Message("c", 2)]);
        Assert.True(cache.TryGet("c", out IReadOnlyList<StoredMessage> held, out bool complete));
        Assert.True(complete);
        Assert.Equal(["m1", "m2"], held.Select(m => m.Text));
    }

    [Fact]
    public void A_message_the_load_already_read_is_not_added_twice()
    {
        var cache = new ConversationCache(16, 8);
        long writes = cache.BeginLoad("c");
        cache.Loaded("c", writes, [Message("c", 1)]);
        cache.Added(Message("c", 1));
        cache.Added(Message("c", 0));

        Assert.True(cache.TryGet("c", out IReadOnlyList<StoredMessage> held, out _));
        Assert.Equal(["m0", "m1"], held.Select(m => m.Text));
    }

    [Fact]
    public void A_conversation_past_the_limit_is_held_in_part()
    {
        var cache = new ConversationCache(16, 3);
        long writes = cache.BeginLoad("c");
        cache.Loaded("c", writes, [Message("c", 1), Message("c", 2), Message("c", 3)]);
        Assert.True(cache.TryGet("c", out _, out bool complete));
        Assert.True(complete);

        cache.Added(Message("c", 4));

        Assert.True(cache.TryGet("c", out IReadOnlyList<StoredMessage> held, out complete));
        Assert.False(complete);
        Assert.Equal(["m2", "m3", "m4"], held.Select(m => m.Text));
    }

    [Fact]
    public void A_key_is_answered_from_memory_only_while_the_conversation_is_held_whole()
    {
        var cache = new ConversationCache(16, 2);
        Assert.False(cache.TryFindKey("c", "cust_1", "k1", out _));

        long writes = cache.BeginLoad("c");
        cache.Loaded("c", writes, [Message("c", 1) with { ClientMessageId = "k1" }]);
        Assert.True(cache.TryFindKey("c", "cust_1", "k1", out IReadOnlyList<StoredMessage> found));
        Assert.Equal(["m1"], found.Select(m => m.Text));
        Assert.True(cache.TryFindKey("c", "cust_2", "k1", out found));
        Assert.Empty(found);

        cache.Added(Message("c", 2));
        cache.Added(Message("c", 3));
        Assert.False(cache.TryFindKey("c", "cust_1", "k1", out _));
    }

    [Fact]
    public void Conversations_in_use_stay_and_the_rest_are_dropped()
    {
        var cache = new ConversationCache(2, 8);
        for (int i = 0; i < 10; i++)
        {
            long writes = cache.BeginLoad($"c{i}");
            cache.Loaded($"c{i}", writes, [Message($"c{i}", i)]);
            Assert.True(cache.TryGet("c0", out _, out _), $"c0 is looked up after every load, so it stays (load {i})");
        }

        int held = Enumerable.Range(0, 10).Count(i => cache.TryGet($"c{i}", out _, out _));
        Assert.InRange(held, 2, 4);
    }
}
