using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core;

namespace ServiceBot.DynamoDb;

/// <summary>
/// Makes the six tables ready: creates each missing one (on-demand, the seed's keys, the Messages indexes),
/// adds a missing Messages index to an existing table, turns TTL on for Connections, Guards, Schedule and Support, and waits until all is ACTIVE.
/// Safe to run from several processes at once, and again on every start (it changes nothing that is already right).
/// </summary>
public sealed partial class DynamoDbTableInitializer(
    IAmazonDynamoDB client,
    DynamoDbTables tables,
    TimeSpan? readyTimeout = null,
    ILogger<DynamoDbTableInitializer>? logger = null) : IStoreInitializer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly TimeSpan _readyTimeout = readyTimeout ?? TimeSpan.FromMinutes(5);
    private readonly ILogger _logger = logger ?? NullLogger<DynamoDbTableInitializer>.Instance;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_readyTimeout);
        try
        {
            await Task.WhenAll(DynamoDbSchema.TableDefinitions(tables).Select(t => EnsureTableAsync(t, timeout.Token))).ConfigureAwait(false);
            await Task.WhenAll(
                EnsureTimeToLiveAsync(tables.Connections, DynamoDbSchema.Connections.Ttl, timeout.Token),
                EnsureTimeToLiveAsync(tables.Guards, DynamoDbSchema.Guards.Ttl, timeout.Token),
                EnsureTimeToLiveAsync(tables.Schedule, DynamoDbSchema.Schedule.Ttl, timeout.Token),
                EnsureTimeToLiveAsync(tables.Support, DynamoDbSchema.Support.Ttl, timeout.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The DynamoDB tables ({string.Join(", ", tables.All)}) were not ACTIVE within {_readyTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task EnsureTableAsync(CreateTableRequest definition, CancellationToken cancellationToken)
    {
        TableDescription? table = await DescribeAsync(definition.TableName, cancellationToken).ConfigureAwait(false);
        if (table is null)
        {
            try
            {
                await client.CreateTableAsync(definition, cancellationToken).ConfigureAwait(false);
                LogCreated(_logger, definition.TableName);
            }
            catch (ResourceInUseException)
            {
                // Another process created it a moment ago: wait for it like for our own.
            }

            table = await WaitUntilActiveAsync(definition.TableName, cancellationToken).ConfigureAwait(false);
        }
        else if (table.TableStatus != TableStatus.ACTIVE)
        {
            table = await WaitUntilActiveAsync(definition.TableName, cancellationToken).ConfigureAwait(false);
        }

        await EnsureIndexesAsync(definition, table, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A table made before an index existed (or by other tooling) gets the missing index, one at a time as DynamoDB requires.</summary>
    private async Task EnsureIndexesAsync(CreateTableRequest definition, TableDescription table, CancellationToken cancellationToken)
    {
        foreach (GlobalSecondaryIndex wanted in definition.GlobalSecondaryIndexes ?? [])
        {
            if ((table.GlobalSecondaryIndexes ?? []).Any(i => i.IndexName == wanted.IndexName))
            {
                continue;
            }

            try
            {
                await client.UpdateTableAsync(new UpdateTableRequest
                {
                    TableName = definition.TableName,
                    AttributeDefinitions = definition.AttributeDefinitions,
                    GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
                    {
                        IndexName = wanted.IndexName,
                        KeySchema = wanted.KeySchema,
                        Projection = wanted.Projection,
                    } }],
                }, cancellationToken).ConfigureAwait(false);
                LogIndexAdded(_logger, wanted.IndexName, definition.TableName);
            }
            catch (ResourceInUseException)
            {
                // Being added by another process, or the table is busy with another index: wait and look again.
            }

            table = await WaitUntilActiveAsync(definition.TableName, cancellationToken).ConfigureAwait(false);
            if (!(table.GlobalSecondaryIndexes ?? []).Any(i => i.IndexName == wanted.IndexName))
            {
                await EnsureIndexesAsync(definition, table, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task EnsureTimeToLiveAsync(string table, string attribute, CancellationToken cancellationToken)
    {
        DescribeTimeToLiveResponse current = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, cancellationToken).ConfigureAwait(false);
        TimeToLiveDescription? ttl = current.TimeToLiveDescription;
        if (ttl?.AttributeName == attribute && (ttl.TimeToLiveStatus == TimeToLiveStatus.ENABLED || ttl.TimeToLiveStatus == TimeToLiveStatus.ENABLING))
        {
            return;
        }

        try
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = table,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true },
            }, cancellationToken).ConfigureAwait(false);
            LogTtlEnabled(_logger, table, attribute);
        }
        catch (AmazonDynamoDBException ex) when (ex.ErrorCode == "ValidationException" && ex.Message.Contains("already enabled", StringComparison.OrdinalIgnoreCase))
        {
            // Another process turned it on between our look and our change.
        }
    }

    private async Task<TableDescription> WaitUntilActiveAsync(string table, CancellationToken cancellationToken)
    {
        while (true)
        {
            TableDescription? description = await DescribeAsync(table, cancellationToken).ConfigureAwait(false);
            if (description is not null
                && description.TableStatus == TableStatus.ACTIVE
                && (description.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return description;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TableDescription?> DescribeAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken).ConfigureAwait(false)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created DynamoDB table {Table}")]
    private static partial void LogCreated(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adding index {Index} to DynamoDB table {Table}")]
    private static partial void LogIndexAdded(ILogger logger, string index, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turned on TTL on {Attribute} for DynamoDB table {Table}")]
    private static partial void LogTtlEnabled(ILogger logger, string table, string attribute);
}
