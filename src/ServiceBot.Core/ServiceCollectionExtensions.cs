using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Guards;
using ServiceBot.Core.Handlers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The core's handlers and services. The host adds a store (the four table ports, the upgrade demand counters, the
    /// scheduled jobs, the support queue and the staff), an <see cref="IClientChannel"/>,
    /// binds <see cref="ServiceBotOptions"/>, and may add an <see cref="IAgentModel"/> (the offline assistant otherwise).
    /// </summary>
    public static IServiceCollection AddServiceBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ServiceBotOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceBotOptions>, ServiceBotOptionsValidator>());
        services.TryAddSingleton<IAgentModel, OfflineAgentModel>();

        services.AddSingleton<RequestAnalyzer>();
        services.AddSingleton<CustomerUpdater>();
        services.AddSingleton<ConversationLog>();
        services.AddSingleton<ServiceLevelDirectory>();
        services.AddSingleton<TokenService>();
        // A host that runs on many instances (Lambda) registers shared ones first.
        services.TryAddSingleton<IRequestRateLimiter, InProcessRateLimiter>();
        services.TryAddSingleton<IRequestLocks, KeyedLock>();
        services.AddSingleton<FrameSender>();
        services.AddSingleton<ChatAgent>();
        // The store adds the IUpgradeDemandStore these count into and report from.
        services.AddSingleton<UpgradeDemandRecorder>();
        services.AddSingleton<UpgradeDemandReports>();

        // Timers and scheduled routines: the host adds the job store (IScheduledJobStore) with its store, and decides
        // when ScheduledJobRunner runs (a background service, or a function every minute).
        services.AddSingleton<SchedulerSignal>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<CustomerPush>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddSingleton(sp => new RoutineScheduler(sp.GetRequiredService<JobScheduler>()));
        services.AddSingleton<SupportDesk>();
        services.AddSingleton<StaffHandler>();

        services.AddSingleton<AuthorizeHandler>();
        services.AddSingleton<ConnectionHandler>();
        services.AddSingleton<ChatHandler>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<SeedHandler>();
        return services;
    }
}
