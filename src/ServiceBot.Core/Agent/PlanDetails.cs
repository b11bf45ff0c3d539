using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>
/// What the <c>get_plan_details</c> tool tells a model: the customer's tier and device count, every tier of the catalog
/// (from the least to the most capable) with its actions in plain words, and what the product can say about upgrading.
/// Read from the catalog on every call, so a model answers from the ServiceLevels table, not from memory.
/// </summary>
public sealed record PlanDetails(
    string CurrentTier,
    int DevicesOnAccount,
    IReadOnlyList<PlanTier> Tiers,
    string HowToUpgrade)
{
    public const string ToolName = "get_plan_details";

    public const string ToolDescription =
        "Get the customer's plan and every plan's details: which tier they are on and how many devices they have, and for each tier its actions (with the lowest tier that includes each), device limit and support priority. Call it for any question about plans, limits, what a tier adds, how to upgrade, or why something is not available. It needs no tier action and changes nothing.";

    /// <summary>There is no billing system (docs/product.md, "Plan questions"): the only truthful upgrade path.</summary>
    public const string UpgradePath =
        "Plans cannot be changed or paid for in this chat: plan changes are made by the company's account team, outside the chat. Say so, and say what the tier they want would add compared with theirs.";

    public static PlanDetails From(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        PlanTier[] tiers = context.Catalog.Levels.Select(level => new PlanTier(
            level.Level,
            level.AllowedActions.Select(a => new PlanAction(a, Actions.Describe(a))).ToArray(),
            level.MaxDevices,
            level.SupportPriority,
            string.Equals(level.Level, context.Tier.Level, StringComparison.OrdinalIgnoreCase))).ToArray();
        return new PlanDetails(context.Tier.Level, context.Customer.Devices.Count, tiers, UpgradePath);
    }
}

/// <summary>One tier as the plan tool describes it.</summary>
public sealed record PlanTier(string Level, IReadOnlyList<PlanAction> Actions, int MaxDevices, string SupportPriority, bool IsCurrent);

/// <summary>An action by its name and in the words a customer would use.</summary>
public sealed record PlanAction(string Name, string Description);
