using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServiceBot.Claude;
using ServiceBot.Core;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Telemetry;
using ServiceBot.Server.Gateway;
using ServiceBot.Sqlite;

namespace ServiceBot.Server.Hosting;

internal static class ServiceBotHostBuilder
{
    /// <summary>The whole self-hosted composition: core, store, gateway, start-up, telemetry.</summary>
    public static WebApplicationBuilder AddServiceBot(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        IConfiguration config = builder.Configuration;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.AddServerHeader = false);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // ASP.NET Core's "Request starting GET /ws?token=..." lines carry the query string, and with it sign-in tokens.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        services.AddServiceBotCore();
        services.AddServiceBotClaude(config);
        services.AddOptions<ServiceBotOptions>().Bind(config.GetSection(ServiceBotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ServiceBotOptions>, DemoSignInDefault>();
        services.AddServiceBotStore(config);

        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<IClientChannel>(sp => sp.GetRequiredService<ConnectionRegistry>());
        services.AddSingleton<StartupState>();
        services.AddHostedService<StoreStartup>();
        services.AddHostedService<ScheduleRunner>();
        services.AddHostedService<GatewayShutdown>();

        services.AddServiceBotTelemetry(config);
        return builder;
    }

    private static void AddServiceBotStore(this IServiceCollection services, IConfiguration config)
    {
        string store = config["ServiceBot:Store"] is { Length: > 0 } configured ? configured.Trim() : "sqlite";
        if (string.Equals(store, "dynamodb", StringComparison.OrdinalIgnoreCase))
        {
            // Tables {prefix}-messages, ... (created when missing, at start); endpoint, region and credentials are the AWS SDK's own settings.
            DynamoDb.DynamoDbServiceCollectionExtensions.AddServiceBotDynamoDb(services, o =>
                o.TablePrefix = config["ServiceBot:DynamoDb:TablePrefix"] is { Length: > 0 } prefix ? prefix : DynamoDb.DynamoDbTables.DefaultPrefix);
            return;
        }

        if (!string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException("ServiceBot:Store", typeof(string),
                [$"ServiceBot:Store is \"{store}\"; use \"sqlite\" (the default) or \"dynamodb\"."]);
        }

        services.AddServiceBotSqlite();
        services.AddOptions<SqliteOptions>()
            .Configure(o => o.DatabasePath = config["ServiceBot:DatabasePath"] is { Length: > 0 } path ? path : "servicebot.db")
            .Validate(o => !Directory.Exists(o.DatabasePath), "ServiceBot:DatabasePath names a folder; give it a file path such as data/servicebot.db.")
            .ValidateOnStart();
    }

    /// <summary>Traces and metrics of the <c>ServiceBot</c> source and meter, exported by OTLP only when an endpoint is configured.</summary>
    private static void AddServiceBotTelemetry(this IServiceCollection services, IConfiguration config)
    {
        if (string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(ServiceBotTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(ServiceBotTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter());
    }
}
