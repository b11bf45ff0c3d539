namespace ServiceBot.Core.Analysis;

/// <summary>What a plan question is about.</summary>
public enum PlanTopic
{
    /// <summary>"what plan am I on", "what can I do with my plan".</summary>
    CurrentPlan,

    /// <summary>"how many devices can I have".</summary>
    DeviceLimit,

    /// <summary>"what does enterprise add", "what do I get with premium".</summary>
    TierContents,

    /// <summary>"how do I upgrade (to enterprise)".</summary>
    Upgrade,

    /// <summary>"why can't I play music", "can I use routines on my plan": which tier allows an action.</summary>
    ActionAvailability,

    /// <summary>"compare the plans".</summary>
    Compare,
}

/// <summary>
/// A question about the customer's plan, as the customer asked it: the action and the tier they named, if any. The
/// answer and what counts as upgrade demand are worked out against the catalog, never here.
/// </summary>
/// <param name="Action">An action of <see cref="ServiceLevels.Actions"/> the customer named ("music" is music_services).</param>
/// <param name="Tier">A tier the customer named, as written in lower case ("enterprise"); checked against the catalog later.</param>
public sealed record PlanQuestion(PlanTopic Topic, string? Action = null, string? Tier = null)
{
    /// <summary>The question is about what lies above <see cref="Tier"/> ("is there anything higher than enterprise").</summary>
    public bool AboveTier { get; init; }
}
