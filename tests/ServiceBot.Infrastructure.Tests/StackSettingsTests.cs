using System.Runtime.Versioning;
using Amazon.CDK;

namespace ServiceBot.Infrastructure.Tests;

/// <summary>The deployment's settings as read from CDK context: what <c>cdk deploy</c> refuses before it starts.</summary>
[Collection(JsiiCollection.Name)]
[UnsupportedOSPlatform("windows")] // file modes: the package is built and deployed from Linux or macOS
public sealed class StackSettingsTests : IDisposable
{
    private readonly string _package = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"servicebot-package-{Guid.NewGuid():N}")).FullName;

    public StackSettingsTests() => System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");

    [Fact]
    public void A_bootstrap_that_lost_its_executable_bit_is_refused_before_anything_is_deployed()
    {
        string bootstrap = Path.Combine(_package, "bootstrap");
        File.WriteAllText(bootstrap, "#!/bin/sh\n");
        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => StackSettings.From(AppFor(_package).Node));
        Assert.Contains("chmod +x", refused.Message, StringComparison.Ordinal);

        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(_package, StackSettings.From(AppFor(_package).Node).LambdaPackage);
    }

    [Fact]
    public void No_package_is_refused_with_the_command_that_makes_one()
    {
        FileNotFoundException refused = Assert.Throws<FileNotFoundException>(() => StackSettings.From(AppFor(_package).Node));
        Assert.Contains("src/ServiceBot.Lambda/publish.sh x86_64", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_package, recursive: true);

    private static App AppFor(string package) =>
        new(new AppProps { Context = new Dictionary<string, object> { ["lambdaPackage"] = package } });
}
