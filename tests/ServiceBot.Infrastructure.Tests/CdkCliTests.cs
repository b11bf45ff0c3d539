using System.Runtime.Versioning;

namespace ServiceBot.Infrastructure.Tests;

/// <summary>The CDK CLI (npm aws-cdk) runs the app and writes a cloud assembly with no AWS credentials anywhere.</summary>
[UnsupportedOSPlatform("windows")] // file modes: the package is built and deployed from Linux or macOS
public sealed class CdkCliTests
{
    [Fact]
    public async Task Cdk_synth_needs_no_AWS_credentials()
    {
        string cdk = Repository.Tool("src", "ServiceBot.Infrastructure", "node_modules", ".bin", "cdk");
        string work = Path.Combine(Path.GetTempPath(), $"servicebot-synth-{Guid.NewGuid():N}");
        string package = Directory.CreateDirectory(Path.Combine(work, "lambda")).FullName;
        await File.WriteAllTextAsync(Path.Combine(package, "bootstrap"), "#!/bin/sh\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(Path.Combine(package, "bootstrap"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The built app, as cdk.json's `dotnet run` would run it, without building it again.
        string app = "dotnet " + Path.Combine(AppContext.BaseDirectory, "ServiceBot.Infrastructure.dll");
        try
        {
            (int code, string output) = await Repository.RunAsync(cdk,
                ["synth", "--app", app, "-c", "environment=prod", "-c", $"lambdaPackage={package}", "-o", Path.Combine(work, "cdk.out"), "--no-notices", "--quiet"],
                Repository.PathOf("src", "ServiceBot.Infrastructure"),
                new Dictionary<string, string?>
                {
                    ["AWS_ACCESS_KEY_ID"] = null,
                    ["AWS_SECRET_ACCESS_KEY"] = null,
                    ["AWS_SESSION_TOKEN"] = null,
                    ["AWS_PROFILE"] = null,
                    ["AWS_CONFIG_FILE"] = Path.Combine(work, "no-config"),
                    ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(work, "no-credentials"),
                    ["AWS_EC2_METADATA_DISABLED"] = "true",
                    ["CDK_DISABLE_VERSION_CHECK"] = "true",
                    ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
                    ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
                },
                TimeSpan.FromMinutes(3));

            Assert.True(code == 0, output);
            string template = await File.ReadAllTextAsync(Path.Combine(work, "cdk.out", "ServiceBot-prod.template.json"), TestContext.Current.CancellationToken);
            Assert.Contains("\"AWS::ApiGatewayV2::Api\"", template, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
