using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ServiceBot.Claude;

/// <summary>
/// How the bot talks to Claude. The key, address and model come from the variables every Anthropic SDK reads
/// (<c>ANTHROPIC_API_KEY</c>, <c>ANTHROPIC_BASE_URL</c>, <c>ANTHROPIC_MODEL</c>); the rest from <c>ServiceBot:Claude</c>.
/// </summary>
public sealed class ClaudeOptions
{
    public const string Section = "ServiceBot:Claude";

    /// <summary>
    /// Claude Haiku 5.5: Anthropic's newest and least expensive model, made for high-volume, latency-sensitive work
    /// with tool use, which is what a support chat is.
    /// </summary>
    public const string DefaultModel = "claude-haiku-5-5";

    public string ApiKey { get; set; } = "";

    /// <summary>The API's address; null for the SDK's own default.</summary>
    public Uri? BaseUrl { get; set; }

    public string Model { get; set; } = DefaultModel;

    /// <summary>A support answer is a few sentences; this caps a runaway one.</summary>
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>
    /// Off by default: thinking adds seconds and tokens to a reply that is mostly a tool call and a sentence.
    /// Set <c>model-default</c> for models that always think (they reject <c>thinking.type=disabled</c>).
    /// </summary>
    public ClaudeThinking Thinking { get; set; } = ClaudeThinking.Off;

    /// <summary>At most this many tries of one model call (the first and the retries).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>All tries of one model call, back-off included, end within this; then the offline assistant answers.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The first back-off; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One try's limit until the response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest silence allowed inside a streamed answer before it counts as cut.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Earlier turns of the conversation sent with each request, newest first, up to about this many tokens.</summary>
    public int HistoryTokenBudget { get; set; } = 3000;

    /// <summary>Settings that were present but unreadable; the validator turns them into start-up errors.</summary>
    internal List<string> Problems { get; } = [];

    /// <summary>Reads the options from configuration (environment variables, command line, appsettings).</summary>
    internal void ReadFrom(IConfiguration config)
    {
        ApiKey = config["ANTHROPIC_API_KEY"]?.Trim() ?? "";
        if (config["ANTHROPIC_BASE_URL"] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "http" or "https")
            {
                BaseUrl = parsed;
            }
            else
            {
                Problems.Add($"ANTHROPIC_BASE_URL is \"{url}\"; give an absolute http or https address.");
            }
        }

        if (config["ANTHROPIC_MODEL"] is { Length: > 0 } model)
        {
            Model = model.Trim();
        }

        IConfigurationSection section = config.GetSection(Section);
        MaxOutputTokens = Integer(section, nameof(MaxOutputTokens), MaxOutputTokens);
        MaxAttempts = Integer(section, nameof(MaxAttempts), MaxAttempts);
        HistoryTokenBudget = Integer(section, nameof(HistoryTokenBudget), HistoryTokenBudget);
        RetryBudget = Seconds(section, "RetryBudgetSeconds", RetryBudget);
        RetryBaseDelay = Seconds(section, "RetryBaseDelaySeconds", RetryBaseDelay);
        AttemptTimeout = Seconds(section, "AttemptTimeoutSeconds", AttemptTimeout);
        StreamIdleTimeout = Seconds(section, "StreamIdleTimeoutSeconds", StreamIdleTimeout);
        if (section[nameof(Thinking)] is { Length: > 0 } thinking)
        {
            switch (thinking.Trim().ToLowerInvariant())
            {
                case "off":
                    Thinking = ClaudeThinking.Off;
                    break;
                case "model-default":
                    Thinking = ClaudeThinking.ModelDefault;
                    break;
                default:
                    Problems.Add($"{Section}:Thinking is \"{thinking}\"; use \"off\" or \"model-default\".");
                    break;
            }
        }
    }

    private int Integer(IConfigurationSection section, string key, int fallback)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        Problems.Add($"{Section}:{key} is \"{text}\"; give a whole number.");
        return fallback;
    }

    private TimeSpan Seconds(IConfigurationSection section, string key, TimeSpan fallback)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        Problems.Add($"{Section}:{key} is \"{text}\"; give a number of seconds such as 2.5.");
        return fallback;
    }
}

public enum ClaudeThinking
{
    /// <summary>Sends <c>thinking.type=disabled</c>.</summary>
    Off,

    /// <summary>Sends no thinking setting: the model's own default applies.</summary>
    ModelDefault,
}

/// <summary>Stops the process at start with a sentence when a Claude setting makes no sense.</summary>
internal sealed class ClaudeOptionsValidator : IValidateOptions<ClaudeOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaudeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(options.Problems);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("ANTHROPIC_MODEL is empty; leave it unset for the default model.");
        }

        if (options.MaxOutputTokens is < 1 or > 64_000)
        {
            failures.Add($"{ClaudeOptions.Section}:MaxOutputTokens must be between 1 and 64000.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{ClaudeOptions.Section}:MaxAttempts must be between 1 and 10.");
        }

        if (options.HistoryTokenBudget < 0)
        {
            failures.Add($"{ClaudeOptions.Section}:HistoryTokenBudget cannot be negative.");
        }

        foreach ((string key, TimeSpan value) in new[]
        {
            ("RetryBudgetSeconds", options.RetryBudget),
            ("AttemptTimeoutSeconds", options.AttemptTimeout),
            ("StreamIdleTimeoutSeconds", options.StreamIdleTimeout),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10))
            {
                failures.Add($"{ClaudeOptions.Section}:{key} must be more than 0 and at most 600.");
            }
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > options.RetryBudget)
        {
            failures.Add($"{ClaudeOptions.Section}:RetryBaseDelaySeconds must be between 0 and the retry budget.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
