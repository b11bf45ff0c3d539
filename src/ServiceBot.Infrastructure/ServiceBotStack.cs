using Amazon.CDK;
using Constructs;

namespace ServiceBot.Infrastructure;

/// <summary>
/// ServiceBot on AWS, one stack per environment (<c>ServiceBot-dev</c>, <c>ServiceBot-prod</c>): tables, functions,
/// the WebSocket and HTTP APIs, the web site, the seed, alarms and a dashboard.
/// </summary>
public static class ServiceBotStack
{
    public static Stack Create(Construct scope, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stack = new Stack(scope, $"ServiceBot-{settings.EnvironmentName}", new StackProps
        {
            Description = $"ServiceBot ({settings.EnvironmentName}): customer-service chat bot for smart-home devices",
            // Environment-agnostic unless the CLI names an account and region: synth needs no credentials.
            Env = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT") is { Length: > 0 } account
                ? new Amazon.CDK.Environment { Account = account, Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") }
                : null,
        });
        Tags.Of(stack).Add("app", "servicebot");
        Tags.Of(stack).Add("environment", settings.EnvironmentName);

        var tables = new DataTables(stack, "Tables", settings);
        var functions = new BotFunctions(stack, "Functions", settings, tables);
        var api = new ChatApi(stack, "Api", settings, functions);
        var site = new WebSite(stack, "Site", settings, api);
        // Browsers open the WebSocket from the site's pages (through CloudFront, which sends API Gateway its own Host),
        // so the authorizer is told which page origins to accept.
        functions.AllowOrigins([site.Url, .. settings.ExtraAllowedOrigins]);
        _ = new ScheduleClock(stack, "ScheduleClock", settings, functions.Schedule);
        var monitoring = new Monitoring(stack, "Monitoring", settings, functions, api, tables);

        // The seed function answers CloudFormation itself (PUT to ResponseURL); a new SeedVersion re-runs it.
        var seed = new CustomResource(stack, "Seed", new CustomResourceProps
        {
            ServiceToken = functions.Seed.FunctionArn,
            ResourceType = "Custom::ServiceBotSeed",
            Properties = new Dictionary<string, object> { ["SeedVersion"] = settings.SeedVersion },
        });
        seed.Node.AddDependency(tables);
        seed.Node.AddDependency(functions.Seed);

        _ = new CfnOutput(stack, "WebSocketUrl", new CfnOutputProps
        {
            Description = "Connect here with wscat: wscat -c \"URL?customerId=cust_002\" (dev)",
            Value = api.Stage.Url,
        });
        _ = new CfnOutput(stack, "SiteUrl", new CfnOutputProps { Description = "The web front end", Value = site.Url });
        _ = new CfnOutput(stack, "SiteWebSocketUrl", new CfnOutputProps
        {
            Description = "The same WebSocket API through CloudFront (what the web front end uses)",
            Value = $"wss://{site.Distribution.DistributionDomainName}/ws",
        });
        _ = new CfnOutput(stack, "HttpApiUrl", new CfnOutputProps { Value = api.HttpStage.Url });
        _ = new CfnOutput(stack, "AnthropicSecretName", new CfnOutputProps
        {
            Description = "Create this secret with the Anthropic API key (until then the offline assistant answers)",
            Value = settings.AnthropicSecretName,
        });
        _ = new CfnOutput(stack, "SigningKeySecretName", new CfnOutputProps { Description = "The key that signs ?token= tokens", Value = functions.SigningKey.SecretName });
        _ = new CfnOutput(stack, "DashboardName", new CfnOutputProps { Value = monitoring.Dashboard.DashboardName });
        _ = new CfnOutput(stack, "AlarmTopicArn", new CfnOutputProps { Value = monitoring.Topic.TopicArn });
        return stack;
    }
}
