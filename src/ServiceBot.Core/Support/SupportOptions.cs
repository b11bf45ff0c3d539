namespace ServiceBot.Core.Support;

/// <summary>The <c>ServiceBot:Support</c> settings (docs/configuration.md).</summary>
public sealed class SupportOptions
{
    /// <summary>How long one staff member takes for a conversation, on average: the basis of the expected wait.</summary>
    public double AverageHandlingMinutes { get; set; } = 5;
}
