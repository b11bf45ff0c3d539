using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Guards;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// The four table ports on DynamoDB, an <see cref="IStoreInitializer"/> that creates missing tables, and the client;
    /// also the rate limiter and request locks, shared through the Guards table so that every instance (every Lambda
    /// instance, or several servers on one set of tables) draws on one budget and one lock per frame.
    /// The client is the AWS SDK's default (endpoint, region and credentials from its own settings:
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_REGION</c>, the credential chain) unless an <see cref="IAmazonDynamoDB"/>
    /// is registered already.
    /// </summary>
    public static IServiceCollection AddServiceBotDynamoDb(this IServiceCollection services, Action<DynamoDbStoreOptions>? configure = null)
    {
        OptionsBuilder<DynamoDbStoreOptions> options = services.AddOptions<DynamoDbStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.TablePrefix) || o.Tables is not null,
                "ServiceBot:DynamoDb:TablePrefix is empty; give a prefix such as dev (tables dev-messages, dev-customers, ...).")
            .Validate(o => !o.ResolveTables().Problems().Any(), "The DynamoDB table names are not valid: use 3 to 255 letters, digits, '_', '-' or '.' (check ServiceBot:DynamoDb:TablePrefix).")
            .ValidateOnStart();

        services.TryAddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DynamoDbStoreOptions>>().Value.ResolveTables());
        services.TryAddSingleton(sp => new DynamoDbTableInitializer(
            sp.GetRequiredService<IAmazonDynamoDB>(),
            sp.GetRequiredService<DynamoDbTables>(),
            sp.GetRequiredService<IOptions<DynamoDbStoreOptions>>().Value.TableReadyTimeout,
            sp.GetService<ILogger<DynamoDbTableInitializer>>()));
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<DynamoDbTableInitializer>());
        services.AddSingleton<ICustomerStore, DynamoDbCustomerStore>();
        services.AddSingleton<IServiceLevelStore, DynamoDbServiceLevelStore>();
        services.AddSingleton<IMessageStore, DynamoDbMessageStore>();
        services.AddSingleton<IConnectionStore, DynamoDbConnectionStore>();
        services.AddSingleton<IScheduledJobStore, DynamoDbScheduledJobStore>();
        services.AddSingleton<IUpgradeDemandStore, DynamoDbUpgradeDemandStore>();
        services.AddSingleton<ISupportQueueStore, DynamoDbSupportQueueStore>();
        services.AddSingleton<IStaffStore, DynamoDbStaffStore>();

        // Replace, not TryAdd: the core's in-process ones must lose whether AddServiceBotCore ran before this or runs after.
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IRequestRateLimiter, DynamoDbRateLimiter>());
        services.Replace(ServiceDescriptor.Singleton<IRequestLocks, DynamoDbRequestLocks>());
        return services;
    }
}
