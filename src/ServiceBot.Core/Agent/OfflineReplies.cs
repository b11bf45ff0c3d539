using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Replies;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The offline assistant's words for what needs no tool: small talk, questions back, and what the tier offers; each in
/// the language the customer wrote in (see <see cref="Wording"/> for how a reply gets its translations).
/// </summary>
internal static class OfflineReplies
{
    public static string Greeting(AgentContext context)
    {
        Language l = context.Analysis.Language;
        string name = FirstName(context.Customer);
        return l.Say(
            $"Hi {name}! I'm your smart-home assistant. {Offer(context)} What would you like to do?",
            $"¡Hola, {name}! Soy tu asistente del hogar inteligente. {Offer(context)} ¿Qué te gustaría hacer?",
            $"Hallo {name}! Ich bin dein Smart-Home-Assistent. {Offer(context)} Was möchtest du tun?");
    }

    public static string Thanks(AgentContext context)
    {
        string name = FirstName(context.Customer);
        return context.Analysis.Language.Say(
            $"You're welcome, {name}! Anything else I can do for your devices?",
            $"¡De nada, {name}! ¿Puedo hacer algo más por tus dispositivos?",
            $"Gern geschehen, {name}! Kann ich sonst noch etwas für deine Geräte tun?");
    }

    public static string Capabilities(AgentContext context)
    {
        string upgrades = Upgrades(context);
        return $"{Offer(context)}{upgrades} {Devices(context.Customer, context.Analysis.Language)}";
    }

    public static string Unknown(AgentContext context) => context.Analysis.Language.Say(
        $"Sorry, I didn't catch what you'd like me to do. {Offer(context)} For example: {Example(context)}",
        $"Perdona, no he entendido qué quieres que haga. {Offer(context)} Por ejemplo: {Example(context)}",
        $"Entschuldigung, ich habe nicht verstanden, was ich tun soll. {Offer(context)} Zum Beispiel: {Example(context)}");

    /// <summary>A clear no that runs nothing, and what the customer can ask instead.</summary>
    public static string OutOfScope(AgentContext context, string? topic)
    {
        Language l = context.Analysis.Language;
        string what = ActionWords.Topic(topic, l);
        return l.Say(
            $"Sorry, I can't help with {what}: I look after your smart-home devices only, so I haven't done anything. "
                + $"{Offer(context)} I can also troubleshoot a device that isn't working. For example: {Example(context)}",
            $"Lo siento, no puedo ayudarte con {what}: solo me ocupo de tus dispositivos del hogar inteligente, así que no he hecho nada. "
                + $"{Offer(context)} También puedo revisar un dispositivo que no funciona. Por ejemplo: {Example(context)}",
            $"Tut mir leid, bei {what} kann ich nicht helfen: Ich kümmere mich nur um deine Smart-Home-Geräte, daher habe ich nichts getan. "
                + $"{Offer(context)} Ich kann auch ein Gerät prüfen, das nicht funktioniert. Zum Beispiel: {Example(context)}");
    }

    public static string Clarify(AgentContext context, Clarification clarification)
    {
        Customer customer = context.Customer;
        Language l = context.Analysis.Language;
        string[] candidates = clarification.CandidateDeviceIds
            .Select(id => customer.FindDevice(id))
            .OfType<Device>()
            .Select(d => $"{DeviceWords.The(d, l)} ({d.Name})")
            .ToArray();
        string mentioned = clarification.Mentioned is { } m ? DeviceWords.Mentioned(m, l) : l.Say("that device", "ese dispositivo", "dieses Gerät");
        return clarification.Kind switch
        {
            ClarificationKind.AmbiguousDevice when candidates.Length > 0 => l.Say(
                $"Which device do you mean: {ListWords.JoinOr(candidates, l)}?",
                $"¿Qué dispositivo quieres decir: {ListWords.JoinOr(candidates, l)}?",
                $"Welches Gerät meinst du: {ListWords.JoinOr(candidates, l)}?"),
            _ when customer.Devices.Count == 0 => l.Say(
                "You have no devices on your account yet, so there is nothing I can control.",
                "Todavía no tienes dispositivos en tu cuenta, así que no hay nada que pueda controlar.",
                "Du hast noch keine Geräte in deinem Konto, daher kann ich nichts steuern."),
            _ => l.Say(
                $"You don't have {mentioned}. {Devices(customer, l)}",
                $"No tienes {mentioned}. {Devices(customer, l)}",
                mentioned.StartsWith("ein", StringComparison.Ordinal) ? $"Du hast k{mentioned}. {Devices(customer, l)}" : $"Du hast {mentioned} nicht. {Devices(customer, l)}"),
        };
    }

    /// <summary>A device of someone else's account: refused by name, nothing run.</summary>
    public static string NotYours(string theirs, Language language) => language.Say(
        $"I can only control devices on your own account; {theirs} isn't one of them.",
        $"Solo puedo controlar los dispositivos de tu propia cuenta; {theirs} no es uno de ellos.",
        $"Ich kann nur Geräte in deinem eigenen Konto steuern; {theirs} gehört nicht dazu.");

    public static string NoDevice(AgentContext context) => context.Analysis.Language.Say(
        $"Which device do you mean? {Devices(context.Customer, Language.English)}",
        $"¿Qué dispositivo quieres decir? {Devices(context.Customer, Language.Spanish)}",
        $"Welches Gerät meinst du? {Devices(context.Customer, Language.German)}");

    private static string Offer(AgentContext context)
    {
        Language l = context.Analysis.Language;
        string allowed = ListWords.JoinAnd(context.Tier.AllowedActions.Select(a => ActionWords.Describe(a, l)), l);
        return l.Say(
            $"On your {context.Tier.Level} plan I can help with {allowed}.",
            $"Con tu plan {context.Tier.Level} puedo ayudarte con {allowed}.",
            $"Mit deinem Tarif {context.Tier.Level} helfe ich dir bei: {allowed}.");
    }

    private static string Upgrades(AgentContext context)
    {
        Language l = context.Analysis.Language;
        var byTier = Actions.All
            .Where(a => !context.Tier.Allows(a))
            .Select(a => (Action: a, Tier: context.Catalog.LowestAllowing(a)?.Level))
            .Where(x => x.Tier is not null)
            .GroupBy(x => x.Tier!)
            .Select(g =>
            {
                string what = ListWords.JoinAnd(g.Select(x => ActionWords.Describe(x.Action, l)), l);
                return l.Say($"{what} with the {g.Key} tier", $"{what} con el plan {g.Key}", $"{what} mit dem Tarif {g.Key}");
            })
            .ToArray();
        return byTier.Length == 0
            ? l.Say(" Your plan includes everything I can do.", " Tu plan incluye todo lo que sé hacer.", " Dein Tarif umfasst alles, was ich kann.")
            : l.Say($" You could add {ListWords.JoinAnd(byTier, l)}.", $" Podrías añadir {ListWords.JoinAnd(byTier, l)}.", $" Dazubuchen kannst du {ListWords.JoinAnd(byTier, l)}.");
    }

    private static string Devices(Customer customer, Language l) => customer.Devices.Count == 0
        ? l.Say("You have no devices on your account yet.", "Todavía no tienes dispositivos en tu cuenta.", "Du hast noch keine Geräte in deinem Konto.")
        : l.Say("Your devices: ", "Tus dispositivos: ", "Deine Geräte: ")
            + ListWords.JoinAnd(customer.Devices.Select(d => $"{d.Name} {DeviceWords.InRoom(d.Location, l)}"), l) + ".";

    private static string Example(AgentContext context)
    {
        Language l = context.Analysis.Language;
        Device? speaker = context.Customer.Devices.FirstOrDefault(d => d.HasSpeaker);
        Device? any = speaker ?? (context.Customer.Devices.Count > 0 ? context.Customer.Devices[0] : null);
        if (any is null)
        {
            return l.Say("\"what can you do?\"", "\"¿qué puedes hacer?\"", "\"Was kannst du?\"");
        }

        if (speaker is not null)
        {
            string room = speaker.Location;
            string setVolume = l.Say(
                $"\"set the {speaker.RoomName} volume to 30\"",
                $"\"pon el volumen {DeviceWords.OfRoom(room, l)} a 30\"",
                $"\"stell {DeviceWords.TheRoom(room, l, GermanCase.Accusative)} auf 30\"");
            string other = context.Tier.Allows(Actions.MusicServices)
                ? l.Say($"\"play some jazz in the {speaker.RoomName}\"", $"\"pon jazz {DeviceWords.InRoom(room, l)}\"", $"\"spiel Jazz {DeviceWords.InRoom(room, l)}\"")
                : l.Say(
                    $"\"is my {Device.TypeName(speaker.Type)} on?\"",
                    $"\"¿está encendido mi {DeviceWords.Type(speaker.Type, l)}?\"",
                    $"\"Ist mein {DeviceWords.Type(speaker.Type, l)} an?\"");
            return context.Tier.Allows(Actions.MusicServices)
                ? $"{other} {l.Say("or", "o", "oder")} {setVolume}."
                : $"{setVolume} {l.Say("or", "o", "oder")} {other}";
        }

        return l.Say(
            $"\"is my {Device.TypeName(any.Type)} online?\"",
            $"\"¿está en línea mi {DeviceWords.Type(any.Type, l)}?\"",
            $"\"Ist mein {DeviceWords.Type(any.Type, l)} online?\"");
    }

    private static string FirstName(Customer customer) => customer.Name.Split(' ', 2)[0];
}
