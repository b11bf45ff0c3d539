namespace ServiceBot.Sqlite;

/// <summary>
/// The four tables of docs/product.md, with the seed's names and keys, as numbered migrations.
/// The file's <c>user_version</c> says which have run; start-up runs the rest, in order, in one transaction.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE customers (
            id       TEXT PRIMARY KEY,
            version  INTEGER NOT NULL,
            data     TEXT NOT NULL
        );
        CREATE TABLE service_levels (
            level    TEXT PRIMARY KEY,
            data     TEXT NOT NULL
        );
        CREATE TABLE messages (
            conversation_id   TEXT NOT NULL,
            timestamp         TEXT NOT NULL,
            user_id           TEXT NOT NULL,
            sender            TEXT NOT NULL,
            client_message_id TEXT,
            data              TEXT NOT NULL,
            PRIMARY KEY (conversation_id, timestamp)
        ) WITHOUT ROWID;
        CREATE INDEX UserIdIndex ON messages (user_id, timestamp);
        CREATE INDEX messages_by_client_message_id ON messages (user_id, client_message_id) WHERE client_message_id IS NOT NULL;
        CREATE TABLE connections (
            connection_id   TEXT PRIMARY KEY,
            user_id         TEXT NOT NULL,
            connection_time TEXT NOT NULL,
            ttl             INTEGER NOT NULL
        );
        CREATE INDEX connections_by_ttl ON connections (ttl);
        """,
        // 2: the idempotency lookup reads only the rows with its key, in time order, however long the customer's history.
        """
        DROP INDEX messages_by_client_message_id;
        CREATE INDEX messages_by_client_message_id ON messages (user_id, client_message_id, timestamp) WHERE client_message_id IS NOT NULL;
        """,
        // Scheduled jobs (timers, routine occurrences). visible_at is when a runner may take a pending job: its due time,
        // or the end of a claim's lease. The due query and a customer's list read only pending rows through their
        // indexes; a fired timer reaches its customer's connections through connections_by_user.
        """
        CREATE TABLE scheduled_jobs (
            id          TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            state       TEXT NOT NULL,
            visible_at  TEXT NOT NULL,
            claim_id    TEXT,
            data        TEXT NOT NULL
        );
        CREATE INDEX scheduled_jobs_due ON scheduled_jobs (visible_at) WHERE state = 'pending';
        CREATE INDEX scheduled_jobs_by_customer ON scheduled_jobs (customer_id, visible_at) WHERE state = 'pending';
        CREATE INDEX connections_by_user ON connections (user_id);
        """,
        // Upgrade demand: one counter per day (UTC, yyyy-MM-dd), tier from, action ('' for a tier as a whole), tier to
        // and kind, bumped by an upsert; the report reads a range of days by the primary key and never the messages.
        """
        CREATE TABLE upgrade_demand (
            day       TEXT NOT NULL,
            from_tier TEXT NOT NULL,
            action    TEXT NOT NULL,
            to_tier   TEXT NOT NULL,
            kind      TEXT NOT NULL,
            count     INTEGER NOT NULL,
            PRIMARY KEY (day, from_tier, action, to_tier, kind)
        ) WITHOUT ROWID;
        """,
        // Human handoff: the support queue (one row per conversation), the support team, and their open consoles.
        """
        CREATE TABLE support_queue (
            conversation_id        TEXT PRIMARY KEY,
            customer_id            TEXT NOT NULL,
            customer_name          TEXT NOT NULL,
            tier                   TEXT NOT NULL,
            support_priority       TEXT NOT NULL,
            requested_at           TEXT NOT NULL,
            status                 TEXT NOT NULL,
            staff_id               TEXT,
            staff_name             TEXT,
            customer_connection_id TEXT
        );
        CREATE INDEX support_queue_open ON support_queue (status) WHERE status IN ('waiting', 'assigned');
        CREATE TABLE staff (
            id    TEXT PRIMARY KEY,
            name  TEXT NOT NULL
        );
        CREATE TABLE staff_connections (
            connection_id  TEXT PRIMARY KEY,
            staff_id       TEXT NOT NULL,
            ttl            INTEGER NOT NULL
        );
        """,
        // The key index holds only the asking rows (customer or staff): client keys are random, so every row in it
        // costs a page write of its own at each commit; the bot's reply is found next to its question instead.
        """
        DROP INDEX messages_by_client_message_id;
        CREATE INDEX messages_by_client_message_id ON messages (user_id, client_message_id, timestamp)
            WHERE client_message_id IS NOT NULL AND sender <> 'bot';
        """,
        // The language a customer asked for a person in ('en', 'es', 'de'), so the queue's notices are said in it;
        // NULL in rows from before, read as English.
        """
        ALTER TABLE support_queue ADD COLUMN language TEXT;
        """,
    ];
}
