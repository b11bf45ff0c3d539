using Microsoft.Extensions.Options;

namespace ServiceBot.Core;

/// <summary>The <c>ServiceBot</c> configuration section (PROTOCOL.md, "Configuration").</summary>
public sealed class ServiceBotOptions
{
    public const string Section = "ServiceBot";

    public AuthOptions Auth { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class AuthOptions
{
    /// <summary>Accept <c>?customerId=</c> without a token (self-hosted and the dev stage).</summary>
    public bool DemoSignIn { get; set; } = true;

    /// <summary>HS256 key for <c>?token=</c> sign-in; none turns token sign-in off.</summary>
    public string? SigningKey { get; set; }
}

public sealed class RateLimitOptions
{
    /// <summary>Messages a customer may send per window; 0 means no limit.</summary>
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 10;
}

/// <summary>Checks the settings at start, so a bad one stops the process with a sentence instead of failing at the first message.</summary>
public sealed class ServiceBotOptionsValidator : IValidateOptions<ServiceBotOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Auth.SigningKey is { Length: < 32 })
        {
            failures.Add("ServiceBot:Auth:SigningKey must be at least 32 characters (256 bits) for HS256 tokens.");
        }

        if (options.RateLimit.PermitLimit is < 0 or > 100_000)
        {
            failures.Add($"ServiceBot:RateLimit:PermitLimit must be between 0 (no limit) and 100000, not {options.RateLimit.PermitLimit}.");
        }

        if (options.RateLimit.WindowSeconds is < 1 or > 86_400)
        {
            failures.Add($"ServiceBot:RateLimit:WindowSeconds must be between 1 and 86400, not {options.RateLimit.WindowSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
