using Microsoft.Data.Sqlite;
using ServiceBot.Core.Scheduling;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The scheduled-job store contract on a real SQLite file, and its queries' plans.</summary>
public sealed class SqliteScheduledJobStoreTests : ScheduledJobStoreContractTests
{
    private readonly TemporaryDatabase _file = new("jobs");

    protected override async Task<IScheduledJobStore> OpenAsync()
    {
        SqliteDatabase database = await _file.OpenAsync();
        return new SqliteScheduledJobStore(database);
    }

    [Theory]
    [InlineData(SqliteScheduledJobStore.SelectDue, "USING INDEX scheduled_jobs_due (visible_at<?)")]
    [InlineData(SqliteScheduledJobStore.SelectByCustomer, "USING INDEX scheduled_jobs_by_customer (customer_id=?)")]
    [InlineData(SqliteConnectionStore.SelectByUser, "USING INDEX connections_by_user (user_id=?)")]
    public async Task The_due_query_and_the_lists_go_straight_to_their_rows(string sql, string expected)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using SqliteCommand explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (string name in new[] { "$now", "$max", "$customer", "$user" })
        {
            explain.Parameters.AddWithValue(name, name == "$max" ? 25 : "x");
        }

        var plan = new List<string>();
        await using SqliteDataReader reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.True(plan.Any(step => step.Contains(expected, StringComparison.Ordinal)), $"expected {expected}, planned: {string.Join(" | ", plan)}");
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_written_before_jobs_had_a_language_reads_as_English()
    {
        await using (var connection = new SqliteConnection($"Data Source={_file.Path}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using SqliteCommand insert = connection.CreateCommand();
            // The row exactly as the store wrote it before: the job's JSON has no "language".
            insert.CommandText = """
                INSERT INTO scheduled_jobs (id, customer_id, state, visible_at, claim_id, data) VALUES ('tmr_old', 'cust_old', 'pending',
                '2030-01-01T12:00:00.0000000Z', NULL, '{"id":"tmr_old","customerId":"cust_old","conversationId":"conv_old","dueAt":"2030-01-01T12:00:00+00:00","kind":"Timer","command":{"tool":"set_power","deviceIds":["dev_002"],"power":"off"},"description":"turn off the bedroom speaker","createdAt":"2030-01-01T11:30:00+00:00"}');
                """;
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        ScheduledJob old = Assert.Single(await Jobs.ListPendingAsync("cust_old", TestContext.Current.CancellationToken));
        Assert.Equal((ServiceBot.Core.Analysis.Language.English, "turn off the bedroom speaker"), (old.Language, old.Description));
    }

    [Fact]
    public async Task A_job_keeps_its_language_as_the_code_messages_are_stored_with()
    {
        ScheduledJob job = new()
        {
            Id = "tmr_es", CustomerId = "cust_es", ConversationId = "conv_es", DueAt = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero),
            Kind = ScheduledJobKind.Timer, Description = "apagar el altavoz del dormitorio", CreatedAt = new DateTimeOffset(2030, 1, 1, 11, 30, 0, TimeSpan.Zero),
            Command = new ServiceBot.Core.Permissions.DeviceCommand { Tool = ServiceBot.Core.Permissions.ToolNames.SetPower, DeviceIds = ["dev_002"], Power = "off" },
            Language = ServiceBot.Core.Analysis.Language.Spanish,
        };
        Assert.True(await Jobs.TryAddAsync(job, TestContext.Current.CancellationToken));

        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT data FROM scheduled_jobs WHERE id = 'tmr_es';";
        string data = (string)(await read.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.Contains("\"language\":\"es\"", data, StringComparison.Ordinal);
        Assert.Equal(ServiceBot.Core.Analysis.Language.Spanish, Assert.Single(await Jobs.ListPendingAsync("cust_es", TestContext.Current.CancellationToken)).Language);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
