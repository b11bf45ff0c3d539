using System.Globalization;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Demand;

namespace ServiceBot.Sqlite;

/// <summary>Upgrade demand counters in the <c>upgrade_demand</c> table: an upsert per item, the report a range of the primary key.</summary>
public sealed class SqliteUpgradeDemandStore(SqliteDatabase database) : IUpgradeDemandStore
{
    internal const string SelectRange = "SELECT day, from_tier, action, to_tier, kind, count FROM upgrade_demand WHERE day >= $from AND day <= $to;";

    private const string DayFormat = "yyyy-MM-dd";

    public Task RecordAsync(IReadOnlyCollection<UpgradeDemand> demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (demand.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (UpgradeDemand item in demand)
        {
            ArgumentNullException.ThrowIfNull(item);
            item.EnsureValid();
        }

        // One write for the message's items: they count together or not at all.
        return database.WriteAsync(writer =>
        {
            foreach (UpgradeDemand item in demand)
            {
                SqliteCommand command = writer.Command("""
                    INSERT INTO upgrade_demand (day, from_tier, action, to_tier, kind, count) VALUES ($day, $from, $action, $to, $kind, 1)
                    ON CONFLICT (day, from_tier, action, to_tier, kind) DO UPDATE SET count = count + 1;
                    """);
                command.Parameters.AddWithValue("$day", item.Day.ToString(DayFormat, CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$from", item.FromTier);
                command.Parameters.AddWithValue("$action", item.Action ?? "");
                command.Parameters.AddWithValue("$to", item.ToTier);
                command.Parameters.AddWithValue("$kind", item.Kind);
                command.ExecuteNonQuery();
            }

            return demand.Count;
        }, cancellationToken);
    }

    public Task<UpgradeDemandReport> GetReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        UpgradeDemandRange.Check(from, to);
        return database.ReadAsync(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = SelectRange;
            command.Parameters.AddWithValue("$from", from.ToString(DayFormat, CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$to", to.ToString(DayFormat, CultureInfo.InvariantCulture));
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var counts = new List<UpgradeDemandCount>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string action = reader.GetString(2);
                var demand = new UpgradeDemand(
                    DateOnly.ParseExact(reader.GetString(0), DayFormat, CultureInfo.InvariantCulture),
                    reader.GetString(1), action.Length == 0 ? null : action, reader.GetString(3), reader.GetString(4));
                counts.Add(new UpgradeDemandCount(demand, reader.GetInt64(5)));
            }

            return UpgradeDemandReport.Build(from, to, counts);
        }, cancellationToken);
    }
}
