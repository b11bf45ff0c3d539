namespace ServiceBot.Lambda.Hosting;

/// <summary>
/// Secrets are named, not given: the CDK app puts a secret's name in the environment and the function reads the value
/// from Secrets Manager when it starts, into configuration only (never into an environment variable).
/// </summary>
public static class SecretSettings
{
    /// <summary>Names the secret holding the Anthropic API key; its value becomes the <c>ANTHROPIC_API_KEY</c> setting.</summary>
    public const string AnthropicKeySecretVariable = "ANTHROPIC_API_KEY_SECRET";

    /// <summary>Names the secret holding the HS256 key for <c>?token=</c> sign-in; its value becomes <c>ServiceBot:Auth:SigningKey</c>.</summary>
    public const string SigningKeySecretVariable = "SIGNING_KEY_SECRET";

    internal static readonly (string Variable, string Setting)[] Map =
    [
        (AnthropicKeySecretVariable, "ANTHROPIC_API_KEY"),
        (SigningKeySecretVariable, "ServiceBot:Auth:SigningKey"),
    ];
}
