using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceBot.Core;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.Demand;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// The four table ports, the upgrade demand counters, the scheduled jobs, the support queue and the staff on one SQLite
    /// file, plus a background sweep of expired connections.
    /// </summary>
    public static IServiceCollection AddServiceBotSqlite(this IServiceCollection services)
    {
        services.AddOptions<SqliteOptions>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<ICustomerStore, SqliteCustomerStore>();
        services.AddSingleton<IServiceLevelStore, SqliteServiceLevelStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IConnectionStore, SqliteConnectionStore>();
        services.AddSingleton<IScheduledJobStore, SqliteScheduledJobStore>();
        services.AddSingleton<IUpgradeDemandStore, SqliteUpgradeDemandStore>();
        services.AddSingleton<ISupportQueueStore, SqliteSupportQueueStore>();
        services.AddSingleton<IStaffStore, SqliteStaffStore>();
        services.AddHostedService<ConnectionSweeper>();
        return services;
    }
}
