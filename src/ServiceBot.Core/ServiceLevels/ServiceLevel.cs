namespace ServiceBot.Core.ServiceLevels;

/// <summary>A row of the ServiceLevels table: what a tier allows.</summary>
public sealed record ServiceLevel
{
    public required string Level { get; init; }
    public required IReadOnlyList<string> AllowedActions { get; init; }
    public required int MaxDevices { get; init; }
    public required string SupportPriority { get; init; }

    public bool Allows(string action) => AllowedActions.Contains(action, StringComparer.Ordinal);
}
