using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Demand;

/// <summary>
/// What one answered message counts as upgrade demand. Refusals: every gate decision of the reply that refused for the
/// tier, and every action the message asked for that the gate refuses for the tier even when the model called no tool
/// for it (Claude may explain instead of trying). Refusals for ownership, arguments or an offline device are not
/// demand. Questions: a plan question naming or implying an action or tier above the customer's. Within one message a
/// wanted (action, tier, kind) counts once, however many tool calls it took.
/// </summary>
public static class UpgradeDemandReader
{
    public static IReadOnlyList<UpgradeDemand> Read(AgentContext context, AgentReply reply, DateTimeOffset answeredAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reply);
        var gate = new PermissionGate(context.Catalog);
        IEnumerable<WantedUpgrade> asked = context.Analysis.AllRequests
            .SelectMany(r => r.RequiredActions)
            .Select(action => gate.CheckTier(context.Tier, action))
            .Where(d => d is { Allowed: false, Kind: RefusalKind.Tier, UpgradeTo: not null })
            .Select(d => new WantedUpgrade(d.Action, d.UpgradeTo!, DemandKinds.Refusal));
        IEnumerable<WantedUpgrade> questions = context.Analysis.AllRequests
            .Select(r => r.PlanQuestion)
            .OfType<PlanQuestion>()
            .Select(q => FromQuestion(context, q))
            .OfType<WantedUpgrade>();

        DateOnly day = DateOnly.FromDateTime(answeredAt.UtcDateTime);
        return reply.TierRefusals.Concat(asked).Concat(questions)
            .Distinct()
            .Select(w => new UpgradeDemand(day, context.Tier.Level, w.Action, w.ToTier, w.Kind))
            .ToArray();
    }

    /// <summary>
    /// The tier a question wants, if it is above the customer's: the one it names (when it allows the named action),
    /// else the lowest that allows the named action, else for "how do I upgrade" the next tier up.
    /// </summary>
    private static WantedUpgrade? FromQuestion(AgentContext context, PlanQuestion question)
    {
        ServiceLevelCatalog catalog = context.Catalog;
        ServiceLevel own = context.Tier;
        ServiceLevel? named = question.Tier is null ? null : catalog.Find(question.Tier);
        string? action = question.Action is { } a && !own.Allows(a) ? a : null;
        ServiceLevel? target = action is null
            ? named ?? (question.Topic == PlanTopic.Upgrade ? NextUp(catalog, own) : null)
            : named is not null && named.Allows(action) && Rank(catalog, named) > Rank(catalog, own) ? named : catalog.LowestAllowing(action);
        return target is not null && Rank(catalog, target) > Rank(catalog, own)
            ? new WantedUpgrade(action, target.Level, DemandKinds.Question)
            : null;
    }

    private static ServiceLevel? NextUp(ServiceLevelCatalog catalog, ServiceLevel own) =>
        catalog.Levels.Skip(Rank(catalog, own) + 1).FirstOrDefault();

    private static int Rank(ServiceLevelCatalog catalog, ServiceLevel level)
    {
        for (int i = 0; i < catalog.Levels.Count; i++)
        {
            if (string.Equals(catalog.Levels[i].Level, level.Level, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
