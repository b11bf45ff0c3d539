namespace ServiceBot.Lambda.Aws;

/// <summary>The region and endpoints the functions call, from the variables Lambda sets (and the SDK's endpoint overrides).</summary>
internal sealed record AwsSettings(string Region, Uri SecretsManagerEndpoint)
{
    public static AwsSettings FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        string region = env("AWS_REGION") is { Length: > 0 } r ? r : env("AWS_DEFAULT_REGION") is { Length: > 0 } d ? d : "us-east-1";
        string secrets = env("AWS_ENDPOINT_URL_SECRETS_MANAGER") is { Length: > 0 } s ? s
            : env("AWS_ENDPOINT_URL") is { Length: > 0 } all ? all
            : $"https://secretsmanager.{region}.amazonaws.com";
        return new AwsSettings(region, new Uri(secrets.TrimEnd('/') + "/"));
    }
}
