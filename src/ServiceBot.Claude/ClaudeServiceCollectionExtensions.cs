using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;

namespace ServiceBot.Claude;

public static class ClaudeServiceCollectionExtensions
{
    /// <summary>
    /// Makes Claude the agent's model when <c>ANTHROPIC_API_KEY</c> is set; without a key nothing changes and the
    /// offline assistant answers. Call after <c>AddServiceBotCore</c>. The offline assistant stays the fallback.
    /// </summary>
    public static IServiceCollection AddServiceBotClaude(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrWhiteSpace(config["ANTHROPIC_API_KEY"]))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ClaudeOptions>().Configure(o => o.ReadFrom(config)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClaudeOptions>, ClaudeOptionsValidator>());
        services.TryAddSingleton(sp => new ClaudeConnection(
            sp.GetRequiredService<IOptions<ClaudeOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.Replace(ServiceDescriptor.Singleton<IAgentModel>(sp => new ClaudeAgentModel(
            sp.GetRequiredService<ClaudeConnection>(), sp.GetRequiredService<IOptions<ClaudeOptions>>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
