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

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
