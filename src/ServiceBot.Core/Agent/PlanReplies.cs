using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The offline assistant's answers to plan questions, built from the catalog (each tier's actions, device limit and
/// support) and the customer's own tier and devices: no tier fact is written here, so the answers follow the
/// ServiceLevels table.
/// </summary>
internal static class PlanReplies
{
    /// <summary>There is no billing system: the bot cannot change a plan, and says so (docs/product.md, "Plan questions").</summary>
    private const string HowToUpgrade =
        "I can't change plans or take payments in this chat: plan changes are made by our account team, so ask them for it when you're ready. I've noted your interest.";

    public static string Answer(AgentContext context, PlanQuestion question)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(question);
        ServiceLevel? named = question.Tier is null ? null : context.Catalog.Find(question.Tier);
        if (question.Tier is not null && named is null)
        {
            return $"There's no {question.Tier} plan. {Compare(context)}";
        }

        return question.Topic switch
        {
            PlanTopic.CurrentPlan when named is not null && !IsOwn(context, named) => TierContents(context, named),
            PlanTopic.CurrentPlan => CurrentPlan(context),
            PlanTopic.DeviceLimit => DeviceLimit(context),
            PlanTopic.TierContents when named is not null => TierContents(context, named),
            PlanTopic.TierContents => CurrentPlan(context),
            PlanTopic.Upgrade => Upgrade(context, question.Action, named),
            PlanTopic.ActionAvailability when question.Action is not null => Availability(context, question.Action, named),
            _ => Compare(context),
        };
    }

    private static string CurrentPlan(AgentContext context)
    {
        ServiceLevel tier = context.Tier;
        return $"You're on the {tier.Level} plan: {Limits(tier)}, and you have {Count(context.Customer.Devices.Count, "device")}. "
            + $"It includes {Phrases.JoinAnd(tier.AllowedActions.Select(Actions.Describe))}.{Missing(context)}";
    }

    private static string DeviceLimit(AgentContext context)
    {
        ServiceLevel tier = context.Tier;
        int have = context.Customer.Devices.Count;
        string room = have >= tier.MaxDevices
            ? "so there's no room for another on this plan"
            : $"so you can add {Count(tier.MaxDevices - have, "more device")}";
        string[] bigger = context.Catalog.Levels
            .Where(l => l.MaxDevices > tier.MaxDevices)
            .Select(l => $"{l.Level} up to {l.MaxDevices.ToString(CultureInfo.InvariantCulture)}")
            .ToArray();
        string more = bigger.Length == 0 ? " That's the most any plan allows." : $" For more devices: {Phrases.JoinAnd(bigger)}.";
        return $"Your {tier.Level} plan allows up to {Count(tier.MaxDevices, "device")} and you have {have.ToString(CultureInfo.InvariantCulture)}, {room}.{more}";
    }

    private static string TierContents(AgentContext context, ServiceLevel named)
    {
        ServiceLevel own = context.Tier;
        if (IsOwn(context, named))
        {
            return CurrentPlan(context);
        }

        string[] adds = named.AllowedActions.Where(a => !own.Allows(a)).Select(Actions.Describe).ToArray();
        string[] lacks = own.AllowedActions.Where(a => !named.Allows(a)).Select(Actions.Describe).ToArray();
        if (Rank(context, named) < Rank(context, own) || adds.Length == 0)
        {
            string without = lacks.Length == 0 ? "" : $", without {Phrases.JoinAnd(lacks)}";
            return $"The {named.Level} plan includes {Phrases.JoinAnd(named.AllowedActions.Select(Actions.Describe))}, {Limits(named)}{without}. "
                + $"Your {own.Level} plan already covers what it offers.";
        }

        var gains = new List<string>(adds);
        if (named.MaxDevices > own.MaxDevices)
        {
            gains.Add($"up to {Count(named.MaxDevices, "device")} instead of {own.MaxDevices.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!string.Equals(named.SupportPriority, own.SupportPriority, StringComparison.OrdinalIgnoreCase))
        {
            gains.Add($"{named.SupportPriority} support instead of {own.SupportPriority}");
        }

        return $"Compared with your {own.Level} plan, {named.Level} adds {Phrases.JoinAnd(gains)}. {HowToUpgrade}";
    }

    private static string Upgrade(AgentContext context, string? action, ServiceLevel? named)
    {
        ServiceLevel own = context.Tier;
        ServiceLevel? target = named
            ?? (action is null || own.Allows(action) ? null : context.Catalog.LowestAllowing(action))
            ?? NextUp(context);
        if (target is null)
        {
            return $"You're on {own.Level}, the most complete plan: it already includes {Phrases.JoinAnd(own.AllowedActions.Select(Actions.Describe))}, {Limits(own)}.";
        }

        if (Rank(context, target) <= Rank(context, own))
        {
            return $"You're already on {own.Level}, which includes everything in {target.Level}. {Missing(context).TrimStart()}".TrimEnd();
        }

        return TierContents(context, target);
    }

    private static string Availability(AgentContext context, string action, ServiceLevel? named)
    {
        ServiceLevel own = context.Tier;
        string what = Capitalize(Actions.Describe(action));
        if (own.Allows(action))
        {
            return $"{what} is included in your {own.Level} plan, so you can use it. If it isn't working, tell me which device and what happens, and I'll check it.";
        }

        ServiceLevel[] allowing = context.Catalog.Levels.Where(l => l.Allows(action)).ToArray();
        if (allowing.Length == 0)
        {
            return $"{what} isn't available on any plan yet.";
        }

        ServiceLevel target = named is not null && named.Allows(action) && Rank(context, named) > Rank(context, own) ? named : allowing[0];
        string tiers = allowing.Length == 1 ? $"the {allowing[0].Level} plan" : $"the {Phrases.JoinAnd(allowing.Select(l => l.Level))} plans";
        string namedNote = named is not null && !named.Allows(action) ? $" The {named.Level} plan doesn't include it." : "";
        return $"{what} isn't included in your {own.Level} plan; it comes with {tiers}.{namedNote} "
            + $"Moving to {target.Level} would also add {Phrases.JoinAnd(Gains(own, target).Where(g => g != Actions.Describe(action)).DefaultIfEmpty("nothing else"))}. {HowToUpgrade}";
    }

    private static string Compare(AgentContext context)
    {
        var lines = new List<string>();
        ServiceLevel? previous = null;
        foreach (ServiceLevel level in context.Catalog.Levels)
        {
            string[] added = level.AllowedActions.Where(a => previous is null || !previous.Allows(a)).Select(Actions.Describe).ToArray();
            string includes = previous is null || previous.AllowedActions.Any(a => !level.Allows(a))
                ? Phrases.JoinAnd(level.AllowedActions.Select(Actions.Describe))
                : added.Length == 0
                    ? $"everything in {previous.Level}"
                    : $"everything in {previous.Level} plus {Phrases.JoinAnd(added)}";
            lines.Add($"{Capitalize(level.Level)}: {includes}; {Limits(level)}.");
            previous = level;
        }

        return $"{string.Join(" ", lines)} You're on {context.Tier.Level}.";
    }

    private static string Missing(AgentContext context)
    {
        string[] byTier = Actions.All
            .Where(a => !context.Tier.Allows(a))
            .Select(a => (Action: a, Tier: context.Catalog.LowestAllowing(a)?.Level))
            .Where(x => x.Tier is not null)
            .GroupBy(x => x.Tier!)
            .Select(g => $"{Phrases.JoinAnd(g.Select(x => Actions.Describe(x.Action)))} with {g.Key}")
            .ToArray();
        return byTier.Length == 0 ? " It includes everything I can do." : $" Not included: {Phrases.JoinAnd(byTier)}.";
    }

    private static IEnumerable<string> Gains(ServiceLevel own, ServiceLevel target) =>
        target.AllowedActions.Where(a => !own.Allows(a)).Select(Actions.Describe)
            .Concat(target.MaxDevices > own.MaxDevices ? [$"up to {Count(target.MaxDevices, "device")}"] : [])
            .Concat(!string.Equals(target.SupportPriority, own.SupportPriority, StringComparison.OrdinalIgnoreCase) ? [$"{target.SupportPriority} support"] : []);

    private static ServiceLevel? NextUp(AgentContext context) =>
        context.Catalog.Levels.Skip(Rank(context, context.Tier) + 1).FirstOrDefault();

    private static int Rank(AgentContext context, ServiceLevel level)
    {
        IReadOnlyList<ServiceLevel> levels = context.Catalog.Levels;
        for (int i = 0; i < levels.Count; i++)
        {
            if (string.Equals(levels[i].Level, level.Level, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsOwn(AgentContext context, ServiceLevel level) =>
        string.Equals(level.Level, context.Tier.Level, StringComparison.OrdinalIgnoreCase);

    private static string Limits(ServiceLevel level) =>
        $"up to {Count(level.MaxDevices, "device")} and {level.SupportPriority} support";

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
