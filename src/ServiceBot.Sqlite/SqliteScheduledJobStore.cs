using Microsoft.Data.Sqlite;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Sqlite;

/// <summary>
/// Scheduled jobs in the <c>scheduled_jobs</c> table. A claim is one UPDATE ... RETURNING on the writer, so two
/// claimers (two threads, or two processes on one file) never get the same job.
/// </summary>
public sealed class SqliteScheduledJobStore(SqliteDatabase database) : IScheduledJobStore
{
    internal const string Pending = "pending";

    internal const string SelectDue =
        "SELECT id FROM scheduled_jobs WHERE state = 'pending' AND visible_at <= $now ORDER BY visible_at LIMIT $max";

    internal const string SelectByCustomer =
        "SELECT data FROM scheduled_jobs WHERE customer_id = $customer AND state = 'pending' ORDER BY visible_at;";

    internal const string SelectNextDue = "SELECT MIN(visible_at) FROM scheduled_jobs WHERE state = 'pending';";

    public Task<bool> TryAddAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        string data = SchedulingJson.Serialize(job);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("""
                INSERT INTO scheduled_jobs (id, customer_id, state, visible_at, claim_id, data)
                VALUES ($id, $customer, 'pending', $visible, NULL, $data)
                ON CONFLICT (id) DO NOTHING;
                """);
            command.Parameters.AddWithValue("$id", job.Id);
            command.Parameters.AddWithValue("$customer", job.CustomerId);
            command.Parameters.AddWithValue("$visible", Timestamps.ToKey(job.DueAt));
            command.Parameters.AddWithValue("$data", data);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        string claimId = "claim_" + Guid.NewGuid().ToString("N");
        DateTimeOffset until = now + lease;
        return database.WriteAsync<IReadOnlyList<ClaimedJob>>(writer =>
        {
            SqliteCommand command = writer.Command($"""
                UPDATE scheduled_jobs SET visible_at = $until, claim_id = $claim
                WHERE state = 'pending' AND id IN ({SelectDue})
                RETURNING data;
                """);
            command.Parameters.AddWithValue("$until", Timestamps.ToKey(until));
            command.Parameters.AddWithValue("$claim", claimId);
            command.Parameters.AddWithValue("$now", Timestamps.ToKey(now));
            command.Parameters.AddWithValue("$max", max);
            using SqliteDataReader reader = command.ExecuteReader();
            var claimed = new List<ClaimedJob>();
            while (reader.Read())
            {
                claimed.Add(new ClaimedJob(SchedulingJson.Deserialize(reader.GetString(0)), claimId, until));
            }

            return claimed.OrderBy(c => c.Job.DueAt).ToArray();
        }, cancellationToken);
    }

    public Task<bool> CompleteAsync(ClaimedJob claim, JobOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command(
                "UPDATE scheduled_jobs SET state = $state, visible_at = $now WHERE id = $id AND claim_id = $claim AND state = 'pending';");
            command.Parameters.AddWithValue("$state", outcome.ToString().ToLowerInvariant());
            command.Parameters.AddWithValue("$now", Timestamps.ToKey(now));
            command.Parameters.AddWithValue("$id", claim.Job.Id);
            command.Parameters.AddWithValue("$claim", claim.ClaimId);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task<bool> CancelAsync(string customerId, string jobId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command(
                "UPDATE scheduled_jobs SET state = 'cancelled' WHERE id = $id AND customer_id = $customer AND state = 'pending' AND claim_id IS NULL;");
            command.Parameters.AddWithValue("$id", jobId);
            command.Parameters.AddWithValue("$customer", customerId);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduledJob>> ListPendingAsync(string customerId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ScheduledJob>>(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = SelectByCustomer;
            command.Parameters.AddWithValue("$customer", customerId);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var jobs = new List<ScheduledJob>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(SchedulingJson.Deserialize(reader.GetString(0)));
            }

            return jobs.OrderBy(j => j.DueAt).ToArray();
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<DateTimeOffset?>(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = SelectNextDue;
            object? next = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return next is string key ? Timestamps.FromKey(key) : null;
        }, cancellationToken);
}
