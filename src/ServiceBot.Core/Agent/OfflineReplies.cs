using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>The offline assistant's words for what needs no tool: small talk, questions back, and what the tier offers.</summary>
internal static class OfflineReplies
{
    public static string Greeting(AgentContext context) =>
        $"Hi {FirstName(context.Customer)}! I'm your smart-home assistant. {Offer(context)} What would you like to do?";

    public static string Thanks(AgentContext context) =>
        $"You're welcome, {FirstName(context.Customer)}! Anything else I can do for your devices?";

    public static string Capabilities(AgentContext context)
    {
        string upgrades = Upgrades(context);
        return $"{Offer(context)}{upgrades} {Devices(context.Customer)}";
    }

    public static string Unknown(AgentContext context) =>
        $"Sorry, I didn't catch what you'd like me to do. {Offer(context)} For example: {Example(context)}";

    /// <summary>A clear no that runs nothing, and what the customer can ask instead.</summary>
    public static string OutOfScope(AgentContext context, string? topic) =>
        $"Sorry, I can't help with {topic ?? "that"}: I look after your smart-home devices only, so I haven't done anything. "
        + $"{Offer(context)} I can also troubleshoot a device that isn't working. For example: {Example(context)}";

    public static string Clarify(AgentContext context, Clarification clarification)
    {
        Customer customer = context.Customer;
        string[] candidates = clarification.CandidateDeviceIds
            .Select(id => customer.FindDevice(id))
            .OfType<Device>()
            .Select(d => $"{d.Describe()} ({d.Name})")
            .ToArray();
        return clarification.Kind switch
        {
            ClarificationKind.AmbiguousDevice when candidates.Length > 0 =>
                $"Which device do you mean: {JoinOr(candidates)}?",
            _ when customer.Devices.Count == 0 => "You have no devices on your account yet, so there is nothing I can control.",
            _ => $"You don't have {(clarification.Mentioned is { } m ? $"a {m}" : "that device")}. {Devices(customer)}",
        };
    }

    /// <summary>A device of someone else's account: refused by name, nothing run.</summary>
    public static string NotYours(string theirs) =>
        $"I can only control devices on your own account; {theirs} isn't one of them.";

    public static string NoDevice(AgentContext context) =>
        $"Which device do you mean? {Devices(context.Customer)}";

    private static string Offer(AgentContext context)
    {
        string[] allowed = context.Tier.AllowedActions.Select(Actions.Describe).ToArray();
        return $"On your {context.Tier.Level} plan I can help with {Phrases.JoinAnd(allowed)}.";
    }

    private static string Upgrades(AgentContext context)
    {
        var byTier = Actions.All
            .Where(a => !context.Tier.Allows(a))
            .Select(a => (Action: a, Tier: context.Catalog.LowestAllowing(a)?.Level))
            .Where(x => x.Tier is not null)
            .GroupBy(x => x.Tier!)
            .Select(g => $"{Phrases.JoinAnd(g.Select(x => Actions.Describe(x.Action)))} with the {g.Key} tier")
            .ToArray();
        return byTier.Length == 0 ? " Your plan includes everything I can do." : $" You could add {Phrases.JoinAnd(byTier)}.";
    }

    private static string Devices(Customer customer) => customer.Devices.Count == 0
        ? "You have no devices on your account yet."
        : $"Your devices: {Phrases.JoinAnd(customer.Devices.Select(d => $"{d.Name} in the {d.RoomName}"))}.";

    private static string Example(AgentContext context)
    {
        Device? speaker = context.Customer.Devices.FirstOrDefault(d => d.HasSpeaker);
        Device? any = speaker ?? (context.Customer.Devices.Count > 0 ? context.Customer.Devices[0] : null);
        if (any is null)
        {
            return "\"what can you do?\"";
        }

        return speaker is not null && context.Tier.Allows(Actions.MusicServices)
            ? $"\"play some jazz in the {speaker.RoomName}\" or \"set the {speaker.RoomName} volume to 30\"."
            : speaker is not null
                ? $"\"set the {speaker.RoomName} volume to 30\" or \"is my {Device.TypeName(speaker.Type)} on?\""
                : $"\"is my {Device.TypeName(any.Type)} online?\"";
    }

    private static string FirstName(Customer customer) => customer.Name.Split(' ', 2)[0];

    private static string JoinOr(string[] items) =>
        items.Length <= 1 ? string.Concat(items) : string.Join(", ", items[..^1]) + " or " + items[^1];
}
