namespace ServiceBot.Core.Demand;

/// <summary>How a customer showed they want more than their tier: the gate refused them, or they asked.</summary>
public static class DemandKinds
{
    /// <summary>The gate refused an action because the customer's tier does not include it.</summary>
    public const string Refusal = "refusal";

    /// <summary>A plan or upgrade question that names or implies a tier or an action the customer lacks.</summary>
    public const string Question = "question";

    public static bool IsKnown(string? kind) => kind is Refusal or Question;
}

/// <summary>
/// One unit of upgrade demand, as counted: on which day (UTC), from which tier, for which action (null when the
/// customer asked about a tier as a whole: "what does enterprise add?"), to the tier that would allow it, and how.
/// </summary>
public sealed record UpgradeDemand(DateOnly Day, string FromTier, string? Action, string ToTier, string Kind)
{
    /// <summary>Throws unless the item can be counted; a store checks every item before it counts any.</summary>
    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(FromTier) || string.IsNullOrWhiteSpace(ToTier) || !DemandKinds.IsKnown(Kind) || Action is { Length: 0 })
        {
            throw new ArgumentException("Upgrade demand needs a tier from, a tier to, a kind (refusal or question) and an action that is null or not empty.");
        }
    }
}

/// <summary>What one reply showed the customer wants: an action (or a tier as a whole) and the tier that allows it.</summary>
public sealed record WantedUpgrade(string? Action, string ToTier, string Kind);
