using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Replies;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The offline assistant's answers to plan questions, built from the catalog (each tier's actions, device limit and
/// support) and the customer's own tier and devices: no tier fact is written here, so the answers follow the
/// ServiceLevels table. Written in the customer's language; tier and support names are the product's own words.
/// </summary>
internal static class PlanReplies
{
    /// <summary>There is no billing system: the bot cannot change a plan, and says so (docs/product.md, "Plan questions").</summary>
    private static string HowToUpgrade(Language l) => l.Say(
        "I can't change plans or take payments in this chat: plan changes are made by our account team, so ask them for it when you're ready. I've noted your interest.",
        "No puedo cambiar planes ni cobrar pagos en este chat: los cambios de plan los hace nuestro equipo de cuentas, así que pídeselo cuando quieras. He anotado tu interés.",
        "In diesem Chat kann ich keine Tarife ändern und keine Zahlungen annehmen: Tarifänderungen macht unser Kundenteam, frag dort danach, wenn du so weit bist. Ich habe dein Interesse notiert.");

    public static string Answer(AgentContext context, PlanQuestion question)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(question);
        ServiceLevel? named = question.Tier is null ? null : context.Catalog.Find(question.Tier);
        Language l = context.Analysis.Language;
        if (question.Tier is not null && named is null)
        {
            return l.Say($"There's no {question.Tier} plan. ", $"No existe el plan {question.Tier}. ", $"Einen Tarif {question.Tier} gibt es nicht. ") + Compare(context);
        }

        return question.Topic switch
        {
            PlanTopic.CurrentPlan when named is not null && !IsOwn(context, named) => NotOnTier(context, named) + TierContents(context, named),
            PlanTopic.CurrentPlan => CurrentPlan(context),
            PlanTopic.DeviceLimit => DeviceLimit(context),
            PlanTopic.TierContents when named is not null => TierContents(context, named),
            PlanTopic.TierContents => CurrentPlan(context),
            PlanTopic.Upgrade => Upgrade(context, question.Action, named),
            PlanTopic.ActionAvailability when question.Action is not null => Availability(context, question.Action, named),
            PlanTopic.Compare when question.AboveTier && named is not null => Above(context, named),
            _ => Compare(context),
        };
    }

    /// <summary>"am I on premium?" from a basic customer: the answer first, then what the tier asked about would change.</summary>
    private static string NotOnTier(AgentContext context, ServiceLevel named)
    {
        Language l = context.Analysis.Language;
        return l.Say(
            $"No, you're on the {context.Tier.Level} plan, not {named.Level}. ",
            $"No, tienes el plan {context.Tier.Level}, no {named.Level}. ",
            $"Nein, du hast den Tarif {context.Tier.Level}, nicht {named.Level}. ");
    }

    /// <summary>"is there anything higher than premium": the tier after it, or that none is; then every plan side by side.</summary>
    private static string Above(AgentContext context, ServiceLevel named)
    {
        Language l = context.Analysis.Language;
        ServiceLevel? next = context.Catalog.Levels.Skip(Rank(context, named) + 1).FirstOrDefault();
        string lead = next is null
            ? l.Say(
                $"No, {named.Level} is our most complete plan: there's nothing above it. ",
                $"No, {named.Level} es nuestro plan más completo: no hay ninguno por encima. ",
                $"Nein, {named.Level} ist unser umfassendster Tarif: darüber gibt es keinen. ")
            : l.Say(
                $"Yes, above {named.Level} there's {next.Level}. ",
                $"Sí, por encima de {named.Level} está {next.Level}. ",
                $"Ja, über {named.Level} gibt es {next.Level}. ");
        return lead + Compare(context);
    }

    private static string CurrentPlan(AgentContext context)
    {
        ServiceLevel tier = context.Tier;
        Language l = context.Analysis.Language;
        string devices = Devices(context.Customer.Devices.Count, l);
        string includes = Describe(tier.AllowedActions, l);
        return l.Say(
            $"You're on the {tier.Level} plan: {Limits(tier, l)}, and you have {devices}. It includes {includes}.",
            $"Tienes el plan {tier.Level}: {Limits(tier, l)}, y tienes {devices}. Incluye {includes}.",
            $"Du hast den Tarif {tier.Level}: {Limits(tier, l)}, und du hast {devices}. Er umfasst {includes}.") + Missing(context);
    }

    private static string DeviceLimit(AgentContext context)
    {
        ServiceLevel tier = context.Tier;
        Language l = context.Analysis.Language;
        int have = context.Customer.Devices.Count;
        int left = tier.MaxDevices - have;
        string room = have >= tier.MaxDevices
            ? l.Say("so there's no room for another on this plan", "así que no cabe otro en este plan", "also ist in diesem Tarif kein Platz für ein weiteres")
            : l.Say($"so you can add {Count(left, "more device")}", $"así que puedes añadir {Number(left)} más", $"also kannst du noch {Number(left)} hinzufügen");
        string[] bigger = context.Catalog.Levels
            .Where(level => level.MaxDevices > tier.MaxDevices)
            .Select(level => l.Say($"{level.Level} up to {Number(level.MaxDevices)}", $"{level.Level} hasta {Number(level.MaxDevices)}", $"{level.Level} bis zu {Number(level.MaxDevices)}"))
            .ToArray();
        string more = bigger.Length == 0
            ? l.Say(" That's the most any plan allows.", " Es lo máximo que permite cualquier plan.", " Mehr erlaubt kein Tarif.")
            : l.Say(" For more devices: ", " Para más dispositivos: ", " Für mehr Geräte: ") + ListWords.JoinAnd(bigger, l) + ".";
        return l.Say(
            $"Your {tier.Level} plan allows up to {Count(tier.MaxDevices, "device")} and you have {Number(have)}, {room}.",
            $"Tu plan {tier.Level} permite hasta {Devices(tier.MaxDevices, l)} y tienes {Number(have)}, {room}.",
            $"Dein Tarif {tier.Level} erlaubt bis zu {Devices(tier.MaxDevices, l)} und du hast {Number(have)}, {room}.") + more;
    }

    private static string TierContents(AgentContext context, ServiceLevel named)
    {
        ServiceLevel own = context.Tier;
        if (IsOwn(context, named))
        {
            return CurrentPlan(context);
        }

        Language l = context.Analysis.Language;
        string[] adds = named.AllowedActions.Where(a => !own.Allows(a)).Select(a => ActionWords.Describe(a, l)).ToArray();
        string[] lacks = own.AllowedActions.Where(a => !named.Allows(a)).Select(a => ActionWords.Describe(a, l)).ToArray();
        if (Rank(context, named) < Rank(context, own) || adds.Length == 0)
        {
            string without = lacks.Length == 0 ? "" : l.Say(", without ", ", sin ", ", ohne ") + ListWords.JoinAnd(lacks, l);
            string includes = Describe(named.AllowedActions, l);
            return l.Say(
                $"The {named.Level} plan includes {includes}, {Limits(named, l)}{without}. Your {own.Level} plan already covers what it offers.",
                $"El plan {named.Level} incluye {includes}, {Limits(named, l)}{without}. Tu plan {own.Level} ya cubre lo que ofrece.",
                $"Der Tarif {named.Level} umfasst {includes}, {Limits(named, l)}{without}. Dein Tarif {own.Level} deckt schon ab, was er bietet.");
        }

        var gains = new List<string>(adds);
        if (named.MaxDevices > own.MaxDevices)
        {
            gains.Add(l.Say(
                $"up to {Count(named.MaxDevices, "device")} instead of {Number(own.MaxDevices)}",
                $"hasta {Devices(named.MaxDevices, l)} en lugar de {Number(own.MaxDevices)}",
                $"bis zu {Devices(named.MaxDevices, l)} statt {Number(own.MaxDevices)}"));
        }

        if (!string.Equals(named.SupportPriority, own.SupportPriority, StringComparison.OrdinalIgnoreCase))
        {
            gains.Add(l.Say(
                $"{named.SupportPriority} support instead of {own.SupportPriority}",
                $"soporte {named.SupportPriority} en lugar de {own.SupportPriority}",
                $"{named.SupportPriority}-Support statt {own.SupportPriority}"));
        }

        string gained = ListWords.JoinAnd(gains, l);
        return l.Say(
            $"Compared with your {own.Level} plan, {named.Level} adds {gained}. ",
            $"Frente a tu plan {own.Level}, {named.Level} añade {gained}. ",
            $"Im Vergleich zu deinem Tarif {own.Level} bietet {named.Level} zusätzlich {gained}. ") + HowToUpgrade(l);
    }

    private static string Upgrade(AgentContext context, string? action, ServiceLevel? named)
    {
        ServiceLevel own = context.Tier;
        ServiceLevel? target = named
            ?? (action is null || own.Allows(action) ? null : context.Catalog.LowestAllowing(action))
            ?? NextUp(context);
        Language l = context.Analysis.Language;
        if (target is null)
        {
            string includes = Describe(own.AllowedActions, l);
            return l.Say(
                $"You're on {own.Level}, the most complete plan: it already includes {includes}, {Limits(own, l)}.",
                $"Tienes {own.Level}, el plan más completo: ya incluye {includes}, {Limits(own, l)}.",
                $"Du hast {own.Level}, den umfassendsten Tarif: Er umfasst schon {includes}, {Limits(own, l)}.");
        }

        if (Rank(context, target) <= Rank(context, own))
        {
            return (l.Say(
                $"You're already on {own.Level}, which includes everything in {target.Level}. ",
                $"Ya tienes {own.Level}, que incluye todo lo de {target.Level}. ",
                $"Du hast schon {own.Level}, das alles aus {target.Level} umfasst. ") + Missing(context).TrimStart()).TrimEnd();
        }

        return TierContents(context, target);
    }

    private static string Availability(AgentContext context, string action, ServiceLevel? named)
    {
        ServiceLevel own = context.Tier;
        Language l = context.Analysis.Language;
        string what = Capitalize(ActionWords.Describe(action, l));
        if (own.Allows(action))
        {
            return l.Say(
                $"{what} is included in your {own.Level} plan, so you can use it. If it isn't working, tell me which device and what happens, and I'll check it.",
                $"{what} está incluido en tu plan {own.Level}, así que puedes usarlo. Si no funciona, dime qué dispositivo y qué pasa, y lo reviso.",
                $"{what} ist in deinem Tarif {own.Level} enthalten, du kannst es also nutzen. Wenn es nicht klappt, sag mir welches Gerät und was passiert, dann prüfe ich es.");
        }

        ServiceLevel[] allowing = context.Catalog.Levels.Where(level => level.Allows(action)).ToArray();
        if (allowing.Length == 0)
        {
            return l.Say($"{what} isn't available on any plan yet.", $"{what} aún no está disponible en ningún plan.", $"{what} gibt es noch in keinem Tarif.");
        }

        ServiceLevel target = named is not null && named.Allows(action) && Rank(context, named) > Rank(context, own) ? named : allowing[0];
        string levels = ListWords.JoinAnd(allowing.Select(level => level.Level), l);
        string tiers = allowing.Length == 1
            ? l.Say($"the {allowing[0].Level} plan", $"el plan {allowing[0].Level}", $"dem Tarif {allowing[0].Level}")
            : l.Say($"the {levels} plans", $"los planes {levels}", $"den Tarifen {levels}");
        string namedNote = named is not null && !named.Allows(action)
            ? l.Say($" The {named.Level} plan doesn't include it.", $" El plan {named.Level} no lo incluye.", $" Der Tarif {named.Level} enthält es nicht.")
            : "";
        string also = ListWords.JoinAnd(
            Gains(own, target, l).Where(g => g != ActionWords.Describe(action, l)).DefaultIfEmpty(l.Say("nothing else", "nada más", "nichts weiter")), l);
        return l.Say(
            $"{what} isn't included in your {own.Level} plan; it comes with {tiers}.{namedNote} Moving to {target.Level} would also add {also}. ",
            $"{what} no está incluido en tu plan {own.Level}; viene con {tiers}.{namedNote} Pasar a {target.Level} también añadiría {also}. ",
            $"{what} ist in deinem Tarif {own.Level} nicht enthalten; es gibt es mit {tiers}.{namedNote} Mit {target.Level} kämen außerdem {also} dazu. ")
            + HowToUpgrade(l);
    }

    private static string Compare(AgentContext context)
    {
        Language l = context.Analysis.Language;
        var lines = new List<string>();
        ServiceLevel? previous = null;
        foreach (ServiceLevel level in context.Catalog.Levels)
        {
            string[] added = level.AllowedActions.Where(a => previous is null || !previous.Allows(a)).Select(a => ActionWords.Describe(a, l)).ToArray();
            string includes = previous is null || previous.AllowedActions.Any(a => !level.Allows(a))
                ? Describe(level.AllowedActions, l)
                : added.Length == 0
                    ? l.Say($"everything in {previous.Level}", $"todo lo de {previous.Level}", $"alles aus {previous.Level}")
                    : l.Say($"everything in {previous.Level} plus ", $"todo lo de {previous.Level} más ", $"alles aus {previous.Level} plus ") + ListWords.JoinAnd(added, l);
            lines.Add($"{Capitalize(level.Level)}: {includes}; {Limits(level, l)}.");
            previous = level;
        }

        return string.Join(" ", lines) + l.Say($" You're on {context.Tier.Level}.", $" Tienes {context.Tier.Level}.", $" Du hast {context.Tier.Level}.");
    }

    private static string Missing(AgentContext context)
    {
        Language l = context.Analysis.Language;
        string[] byTier = Actions.All
            .Where(a => !context.Tier.Allows(a))
            .Select(a => (Action: a, Tier: context.Catalog.LowestAllowing(a)?.Level))
            .Where(x => x.Tier is not null)
            .GroupBy(x => x.Tier!)
            .Select(g => ListWords.JoinAnd(g.Select(x => ActionWords.Describe(x.Action, l)), l) + l.Say($" with {g.Key}", $" con {g.Key}", $" mit {g.Key}"))
            .ToArray();
        return byTier.Length == 0
            ? l.Say(" It includes everything I can do.", " Incluye todo lo que sé hacer.", " Er umfasst alles, was ich kann.")
            : l.Say(" Not included: ", " No incluye: ", " Nicht enthalten: ") + ListWords.JoinAnd(byTier, l) + ".";
    }

    private static IEnumerable<string> Gains(ServiceLevel own, ServiceLevel target, Language l) =>
        target.AllowedActions.Where(a => !own.Allows(a)).Select(a => ActionWords.Describe(a, l))
            .Concat(target.MaxDevices > own.MaxDevices
                ? [l.Say($"up to {Count(target.MaxDevices, "device")}", $"hasta {Devices(target.MaxDevices, l)}", $"bis zu {Devices(target.MaxDevices, l)}")]
                : [])
            .Concat(!string.Equals(target.SupportPriority, own.SupportPriority, StringComparison.OrdinalIgnoreCase)
                ? [l.Say($"{target.SupportPriority} support", $"soporte {target.SupportPriority}", $"{target.SupportPriority}-Support")]
                : []);

    private static string Describe(IEnumerable<string> actions, Language l) => ListWords.JoinAnd(actions.Select(a => ActionWords.Describe(a, l)), l);

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

    private static string Limits(ServiceLevel level, Language l) => l.Say(
        $"up to {Count(level.MaxDevices, "device")} and {level.SupportPriority} support",
        $"hasta {Devices(level.MaxDevices, l)} y soporte {level.SupportPriority}",
        $"bis zu {Devices(level.MaxDevices, l)} und {level.SupportPriority}-Support");

    private static string Devices(int count, Language l) => l.Say(
        Count(count, "device"),
        Number(count) + (count == 1 ? " dispositivo" : " dispositivos"),
        Number(count) + (count == 1 ? " Gerät" : " Geräte"));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
