using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServiceBot.Infrastructure;

namespace ServiceBot.Infrastructure.Tests;

/// <summary>
/// The dev and prod stacks, synthesized once for all tests (the CDK runs in node through jsii: no AWS account,
/// no credentials, no network). A throwaway folder stands in for the published Lambda package.
/// </summary>
public sealed class SynthesizedStacks : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"servicebot-cdk-{Guid.NewGuid():N}");

    public SynthesizedStacks()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        string package = Directory.CreateDirectory(Path.Combine(_folder, "lambda")).FullName;
        File.WriteAllText(Path.Combine(package, "bootstrap"), "#!/bin/sh\n");

        var app = new App(new AppProps { Outdir = Path.Combine(_folder, "cdk.out") });
        Stack dev = ServiceBotStack.Create(app, Settings("dev", package));
        Stack prod = ServiceBotStack.Create(app, Settings("prod", package) with { ExtraAllowedOrigins = ["http://localhost:5173"], AlarmEmail = "ops@example.com" });
        Dev = Template.FromStack(dev);
        Prod = Template.FromStack(prod);
        DevJson = ToJson(Dev);
        ProdJson = ToJson(Prod);
    }

    public Template Dev { get; }

    public Template Prod { get; }

    public JsonObject DevJson { get; }

    public JsonObject ProdJson { get; }

    public static StackSettings Settings(string environment, string package) => new()
    {
        EnvironmentName = environment,
        LambdaPackage = package,
        AnthropicSecretName = $"servicebot/{environment}/anthropic-api-key",
        SeedVersion = "abc123",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder; the OS cleans it eventually.
        }
    }

    private static JsonObject ToJson(Template template) =>
        JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!.AsObject();
}
