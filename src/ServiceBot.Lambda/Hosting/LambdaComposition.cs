using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Claude;
using ServiceBot.Core;
using ServiceBot.Core.Connections;
using ServiceBot.DynamoDb;
using ServiceBot.Lambda.Aws;
using ServiceBot.Lambda.CloudFormation;
using ServiceBot.Lambda.Functions;
using ServiceBot.Lambda.Gateway;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Hosting;

/// <summary>
/// One function's composition: the core, the DynamoDB tables named in the environment, the AWS pieces it talks to,
/// and the function named by <c>_HANDLER</c>. Everything a request needs is built here, once per instance (the
/// cold start), so invocations only do their own work.
/// </summary>
internal static partial class LambdaComposition
{
    public static async Task<ServiceProvider> BuildAsync(string handler, Func<string, string?> env, CancellationToken cancellationToken)
    {
        if (!FunctionNames.All.Contains(handler))
        {
            throw new InvalidOperationException($"_HANDLER is \"{handler}\"; this package serves {string.Join(", ", FunctionNames.All)}.");
        }

        AwsSettings aws = AwsSettings.FromEnvironment(env);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
        var credentials = new DefaultAwsCredentialSource();
        Dictionary<string, string?> secrets = await ReadSecretsAsync(env, new SecretsManagerClient(http, credentials, aws, TimeProvider.System), cancellationToken).ConfigureAwait(false);

        IConfiguration config = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(secrets)
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddLogging(logging => logging
            .SetMinimumLevel(Enum.TryParse(config["ServiceBot:LogLevel"], ignoreCase: true, out LogLevel level) ? level : LogLevel.Information)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddJsonConsole(o =>
            {
                // One JSON object per line: CloudWatch Logs Insights reads its fields.
                o.IncludeScopes = false;
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            }));

        DynamoDbTables tables = DynamoDbTables.FromEnvironment(env);
        services.AddServiceBotDynamoDb(o => o.Tables = tables);
        services.AddLambdaFunction(config, handler, aws, http, credentials);

        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        // No generic host here to run ValidateOnStart: a bad setting stops the instance now, as an init error with a sentence.
        provider.GetService<IStartupValidator>()?.Validate();
        _ = provider.GetRequiredService<ILambdaFunction>();
        return provider;
    }

    /// <summary>
    /// The core, the AWS pieces and the function named by <paramref name="handler"/>, on whichever store is registered
    /// (DynamoDB in Lambda; the tests also run the functions on SQLite).
    /// </summary>
    internal static IServiceCollection AddLambdaFunction(this IServiceCollection services, IConfiguration config, string handler,
        AwsSettings aws, HttpClient http, IAwsCredentialSource credentials)
    {
        services.AddServiceBotCore();
        if (handler == FunctionNames.Message)
        {
            // Claude answers when the ANTHROPIC_API_KEY setting (from its secret) is there; the offline assistant otherwise.
            services.AddServiceBotClaude(config);
        }

        services.AddOptions<ServiceBotOptions>().Bind(config.GetSection(ServiceBotOptions.Section)).ValidateOnStart();
        services.AddOptions<GatewayOptions>().Bind(config.GetSection(GatewayOptions.Section));
        services.AddSingleton(aws);
        services.AddSingleton(http);
        services.AddSingleton(credentials);
        services.AddSingleton<IConnectionsApi, ConnectionsApiClient>();
        services.AddSingleton<GatewayChannel>();
        services.AddSingleton<IClientChannel>(sp => sp.GetRequiredService<GatewayChannel>());
        services.AddSingleton<ICustomResourceResponder, CustomResourceResponder>();
        AddFunction(services, handler);
        return services;
    }

    private static void AddFunction(IServiceCollection services, string handler)
    {
        switch (handler)
        {
            case FunctionNames.Authorize: services.AddSingleton<ILambdaFunction, AuthorizeFunction>(); break;
            case FunctionNames.Connect: services.AddSingleton<ILambdaFunction, ConnectFunction>(); break;
            case FunctionNames.Disconnect: services.AddSingleton<ILambdaFunction, DisconnectFunction>(); break;
            case FunctionNames.Message: services.AddSingleton<ILambdaFunction, MessageFunction>(); break;
            case FunctionNames.Seed: services.AddSingleton<ILambdaFunction, SeedFunction>(); break;
            case FunctionNames.Schedule: services.AddSingleton<ILambdaFunction, ScheduleFunction>(); break;
            default: services.AddSingleton<ILambdaFunction, HttpApiFunction>(); break;
        }
    }

    /// <summary>The values of the secrets this function's environment names, as configuration settings.</summary>
    internal static async Task<Dictionary<string, string?>> ReadSecretsAsync(Func<string, string?> env, ISecretReader reader, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string variable, string setting) in SecretSettings.Map)
        {
            if (env(variable) is { Length: > 0 } secretName)
            {
                string? value;
                try
                {
                    value = await reader.GetSecretStringAsync(secretName, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    // Not fatal: without the Anthropic key the offline assistant answers; without the signing key
                    // token sign-in is off. Both are the documented fallbacks, and the log says why.
                    await Console.Error.WriteLineAsync($"Could not read the secret {secretName} ({variable}); going on without {setting}: {ex.Message}").ConfigureAwait(false);
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(value))
                {
                    settings[setting] = value.Trim();
                }
            }
        }

        return settings;
    }
}
