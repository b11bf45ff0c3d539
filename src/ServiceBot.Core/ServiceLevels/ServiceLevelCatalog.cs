namespace ServiceBot.Core.ServiceLevels;

/// <summary>All tiers, ordered from the least to the most capable, so a refusal can name the lowest tier that allows an action.</summary>
public sealed class ServiceLevelCatalog
{
    private readonly IReadOnlyList<ServiceLevel> _ordered;

    public ServiceLevelCatalog(IEnumerable<ServiceLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        _ordered = levels
            .OrderBy(l => l.AllowedActions.Count)
            .ThenBy(l => l.MaxDevices)
            .ToArray();
    }

    public IReadOnlyList<ServiceLevel> Levels => _ordered;

    public ServiceLevel? Find(string level) =>
        _ordered.FirstOrDefault(l => string.Equals(l.Level, level, StringComparison.OrdinalIgnoreCase));

    /// <summary>The least capable tier that allows <paramref name="action"/>, or null when none does.</summary>
    public ServiceLevel? LowestAllowing(string action) => _ordered.FirstOrDefault(l => l.Allows(action));

    /// <summary>The least capable tier that allows <paramref name="action"/> with at least <paramref name="devices"/> devices.</summary>
    public ServiceLevel? LowestAllowing(string action, int devices) =>
        _ordered.FirstOrDefault(l => l.Allows(action) && l.MaxDevices >= devices);
}
