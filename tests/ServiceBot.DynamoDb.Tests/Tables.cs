using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServiceBot.DynamoDb.Tests;

internal static class Tables
{
    /// <summary>Drops a test's tables, so DynamoDB Local's memory holds only the running tests' data.</summary>
    public static Task DeleteAsync(IAmazonDynamoDB client, DynamoDbTables tables) =>
        Task.WhenAll(tables.All.Select(async name =>
        {
            try
            {
                await client.DeleteTableAsync(new DeleteTableRequest { TableName = name });
            }
            catch (ResourceNotFoundException)
            {
                // Never made, or dropped already.
            }
        }));
}
