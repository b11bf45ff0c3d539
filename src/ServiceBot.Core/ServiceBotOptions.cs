using Microsoft.Extensions.Options;
using ServiceBot.Core.Auth;

namespace ServiceBot.Core;

/// <summary>The <c>ServiceBot</c> configuration section (docs/configuration.md).</summary>
public sealed class ServiceBotOptions
{
    public const string Section = "ServiceBot";

    public AuthOptions Auth { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public Scheduling.SchedulingOptions Scheduling { get; set; } = new();

    public Support.SupportOptions Support { get; set; } = new();
}

public sealed class AuthOptions
{
    /// <summary>
    /// Accept <c>?customerId=</c> without a token. Unset, the host decides: the self-hosted server turns it on only
    /// while it listens on loopback alone and no signing key is set; elsewhere it stays off.
    /// </summary>
    public bool? DemoSignIn { get; set; }

    /// <summary>HS256 key for <c>?token=</c> sign-in; none turns token sign-in off.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Web origins (<c>https://chat.example.com</c>) whose pages may open a connection. A browser always sends its
    /// page's Origin; when this is empty only the server's own origin is accepted. Clients that are not browsers send none.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Demo sign-in as decided: off unless turned on, by the setting or by the host's default.</summary>
    public bool DemoSignInEnabled => DemoSignIn == true;
}

public sealed class RateLimitOptions
{
    /// <summary>Messages a customer may send per window; 0 means no limit.</summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>getProfile and getHistory frames a customer may send per window; 0 means no limit.</summary>
    public int ReadPermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 10;

    public int PermitsFor(Guards.RateLimitBucket bucket) => bucket == Guards.RateLimitBucket.Messages ? PermitLimit : ReadPermitLimit;
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

        foreach (string origin in options.Auth.AllowedOrigins)
        {
            if (!OriginPolicy.IsOrigin(origin))
            {
                failures.Add($"ServiceBot:Auth:AllowedOrigins has \"{origin}\"; give origins as scheme://host[:port], e.g. https://chat.example.com.");
            }
        }

        if (options.RateLimit.PermitLimit is < 0 or > 100_000)
        {
            failures.Add($"ServiceBot:RateLimit:PermitLimit must be between 0 (no limit) and 100000, not {options.RateLimit.PermitLimit}.");
        }

        if (options.RateLimit.ReadPermitLimit is < 0 or > 100_000)
        {
            failures.Add($"ServiceBot:RateLimit:ReadPermitLimit must be between 0 (no limit) and 100000, not {options.RateLimit.ReadPermitLimit}.");
        }

        if (options.RateLimit.WindowSeconds is < 1 or > 86_400)
        {
            failures.Add($"ServiceBot:RateLimit:WindowSeconds must be between 1 and 86400, not {options.RateLimit.WindowSeconds}.");
        }

        failures.AddRange(options.Scheduling.Problems());
        if (!double.IsFinite(options.Support.AverageHandlingMinutes) || options.Support.AverageHandlingMinutes is < 0.1 or > 1440)
        {
            failures.Add($"ServiceBot:Support:AverageHandlingMinutes must be between 0.1 and 1440 minutes, not {options.Support.AverageHandlingMinutes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
