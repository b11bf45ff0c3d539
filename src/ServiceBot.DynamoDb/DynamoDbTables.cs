using System.Text.RegularExpressions;

namespace ServiceBot.DynamoDb;

/// <summary>The names of the tables: <c>{prefix}-messages</c> and so on, or names given one by one (the Lambda's environment).</summary>
public sealed partial record DynamoDbTables(
    string Messages, string Customers, string ServiceLevels, string Connections, string Guards, string Schedule, string UpgradeDemand,
    string Support)
{
    public const string DefaultPrefix = "dev";

    /// <summary>The environment variables the CDK app gives each Lambda function.</summary>
    public const string MessagesVariable = "MESSAGES_TABLE";
    public const string CustomersVariable = "CUSTOMERS_TABLE";
    public const string ServiceLevelsVariable = "SERVICE_LEVELS_TABLE";
    public const string ConnectionsVariable = "CONNECTIONS_TABLE";
    public const string GuardsVariable = "GUARDS_TABLE";
    public const string ScheduleVariable = "SCHEDULE_TABLE";
    public const string UpgradeDemandVariable = "UPGRADE_DEMAND_TABLE";
    public const string SupportVariable = "SUPPORT_TABLE";

    public static DynamoDbTables FromPrefix(string prefix) =>
        new($"{prefix}-messages", $"{prefix}-customers", $"{prefix}-service-levels", $"{prefix}-connections", $"{prefix}-guards",
            $"{prefix}-schedule", $"{prefix}-upgrade-demand", $"{prefix}-support");

    /// <summary>
    /// The names in <c>MESSAGES_TABLE</c>, <c>CUSTOMERS_TABLE</c>, <c>SERVICE_LEVELS_TABLE</c>, <c>CONNECTIONS_TABLE</c>,
    /// <c>GUARDS_TABLE</c>, <c>SCHEDULE_TABLE</c>, <c>UPGRADE_DEMAND_TABLE</c>, <c>SUPPORT_TABLE</c>; throws, naming the
    /// missing ones, unless all are set.
    /// </summary>
    public static DynamoDbTables FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string[] variables =
        [
            MessagesVariable, CustomersVariable, ServiceLevelsVariable, ConnectionsVariable, GuardsVariable, ScheduleVariable,
            UpgradeDemandVariable, SupportVariable,
        ];
        string?[] values = variables.Select(v => read(v)).ToArray();
        string[] missing = variables.Where((_, i) => string.IsNullOrWhiteSpace(values[i])).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The DynamoDB table names are not configured: set {string.Join(", ", missing)}.");
        }

        return new DynamoDbTables(values[0]!, values[1]!, values[2]!, values[3]!, values[4]!, values[5]!, values[6]!, values[7]!);
    }

    public IReadOnlyList<string> All => [Messages, Customers, ServiceLevels, Connections, Guards, Schedule, UpgradeDemand, Support];

    /// <summary>Sentences naming each table name that DynamoDB would refuse (3 to 255 of a-z, A-Z, 0-9, '_', '-', '.').</summary>
    public IEnumerable<string> Problems() =>
        All.Where(name => !TableName().IsMatch(name))
            .Select(name => $"\"{name}\" is not a valid DynamoDB table name: use 3 to 255 letters, digits, '_', '-' or '.'.");

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableName();
}
