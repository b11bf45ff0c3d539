using System.Security.Cryptography;
using Constructs;

namespace ServiceBot.Infrastructure;

/// <summary>
/// What differs between deployments, from CDK context (<c>cdk deploy -c environment=prod</c>) with defaults that work
/// from a fresh clone. Paths are relative to the folder <c>cdk</c> runs in (this project's).
/// </summary>
public sealed record StackSettings
{
    /// <summary><c>dev</c> or <c>prod</c>.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The published Lambda package: a folder holding the Native AOT <c>bootstrap</c>.</summary>
    public required string LambdaPackage { get; init; }

    /// <summary>The built web front end; null deploys a placeholder page.</summary>
    public string? SiteAssets { get; init; }

    /// <summary><c>x86_64</c> or <c>arm64</c>: must match how <see cref="LambdaPackage"/> was published.</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>The Anthropic key's secret, created by the operator (docs/deploy.md); absent, the offline assistant answers.</summary>
    public string AnthropicSecretName { get; init; } = "";

    /// <summary>Origins besides the site allowed to call the HTTP routes from a browser (say a local front end); none by default.</summary>
    public IReadOnlyList<string> ExtraAllowedOrigins { get; init; } = [];

    /// <summary>An address that gets the alarms by e-mail; none: the alarms only go to the SNS topic.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>A fingerprint of the seed data, so a changed seed re-runs the seed custom resource on deploy.</summary>
    public string SeedVersion { get; init; } = "1";

    public bool IsProd => EnvironmentName == "prod";

    /// <summary>Demo sign-in (<c>?customerId=</c>) is for dev only; prod takes signed tokens.</summary>
    public bool DemoSignIn => !IsProd;

    public static StackSettings From(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string environment = Context(node, "environment") ?? "dev";
        if (environment is not ("dev" or "prod"))
        {
            throw new ArgumentException($"-c environment={environment}: use dev or prod.");
        }

        string architecture = Context(node, "architecture") ?? "x86_64";
        if (architecture is not ("x86_64" or "arm64"))
        {
            throw new ArgumentException($"-c architecture={architecture}: use x86_64 or arm64.");
        }

        string package = Context(node, "lambdaPackage") ?? Path.Combine("..", "..", "artifacts", "lambda", architecture);
        string bootstrap = Path.Combine(package, "bootstrap");
        if (!File.Exists(bootstrap))
        {
            throw new FileNotFoundException(
                $"No Lambda package at {Path.GetFullPath(package)}: run src/ServiceBot.Lambda/publish.sh {architecture} first (or pass -c lambdaPackage=FOLDER).");
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute))
        {
            // Lambda would deploy it and then fail every invocation with "permission denied".
            throw new InvalidOperationException(
                $"{Path.GetFullPath(bootstrap)} is not executable, so Lambda could not start it: chmod +x it (a downloaded CI artifact loses its file modes).");
        }

        string site = Context(node, "siteAssets") ?? Path.Combine("..", "ServiceBot.Server", "wwwroot");
        string seedFile = Context(node, "seedFile") ?? Path.Combine("..", "..", "data", "seed.json");
        return new StackSettings
        {
            EnvironmentName = environment,
            Architecture = architecture,
            LambdaPackage = package,
            SiteAssets = File.Exists(Path.Combine(site, "index.html")) ? site : null,
            AnthropicSecretName = Context(node, "anthropicSecretName") ?? $"servicebot/{environment}/anthropic-api-key",
            ExtraAllowedOrigins = (Context(node, "allowedOrigins") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            AlarmEmail = Context(node, "alarmEmail"),
            SeedVersion = File.Exists(seedFile) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(seedFile)))[..16] : "1",
        };
    }

    private static string? Context(Node node, string key) => node.TryGetContext(key) is string { Length: > 0 } value ? value : null;
}
