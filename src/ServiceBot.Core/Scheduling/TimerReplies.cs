using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// Every sentence timers and scheduled routines say, in the customer's language (each written side by side, as
/// <see cref="Wording"/> asks). A job's description is a verb phrase in the job's language ("turn off the bedroom
/// speaker", "apagar el altavoz del dormitorio", "den Lautsprecher im Schlafzimmer ausschalten") that these sentences
/// take as it is.
/// </summary>
public static class TimerReplies
{
    /// <summary>
    /// What a delayed command will do, as a customer reads it, in <paramref name="language"/>. It is written once, when
    /// the timer is set, and stored with the job in the job's language rather than said again from the command when it
    /// fires: the stored text is what the customer was told they would get, it needs no customer row to say (the failure
    /// message has none to lean on), and a job stored before jobs had a language has an English description and reads as
    /// English, so a job's description and language always agree.
    /// </summary>
    public static string Describe(DeviceCommand command, Customer customer, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(customer);
        Language l = language;
        Device?[] devices = [.. command.DeviceIds.Select(customer.FindDevice)];
        string Devices(GermanCase germanCase = GermanCase.Accusative) => ListWords.JoinAnd(
            devices.Select((d, i) => d is null ? command.DeviceIds[i] : l == Language.English ? d.Describe() : DeviceWords.The(d, l, germanCase)), l);

        string device = Devices();
        int step = Math.Abs(command.VolumeStep ?? 0);
        return command.Tool switch
        {
            ToolNames.SetPower => l.Say(
                $"turn {command.Power} {device}",
                $"{(command.Power == PowerState.On ? "encender" : "apagar")} {device}",
                $"{device} {(command.Power == PowerState.On ? "einschalten" : "ausschalten")}"),
            ToolNames.SetVolume when command.Volume == 0 => l.Say($"mute {device}", $"silenciar {device}", $"{device} stummschalten"),
            ToolNames.SetVolume => l.Say(
                $"set {device} to volume {command.Volume}",
                $"poner el volumen {OfEs(device)} a {command.Volume}",
                $"{device} auf Lautstärke {command.Volume} stellen"),
            ToolNames.ChangeVolume when command.VolumeStep > 0 => l.Say(
                $"turn {device} up by {step}",
                $"subir el volumen {OfEs(device)} en {step}",
                $"{device} um {step} lauter stellen"),
            ToolNames.ChangeVolume => l.Say(
                $"turn {device} down by {step}",
                $"bajar el volumen {OfEs(device)} en {step}",
                $"{device} um {step} leiser stellen"),
            ToolNames.PlayMusic => l.Say(
                $"play {command.Music ?? "music"} on {device}",
                $"poner {command.Music ?? "música"} en {device}",
                $"{command.Music ?? "Musik"} auf {Devices(GermanCase.Dative)} abspielen"),
            ToolNames.PauseMusic => l.Say(
                $"pause the music on {device}",
                $"pausar la música en {device}",
                $"die Musik auf {Devices(GermanCase.Dative)} pausieren"),
            // Not reached (only delayable commands are set), so no sentence of its own in each language.
            _ => $"{command.Tool.Replace('_', ' ')}: {device}",
        };
    }

    /// <summary>"del altavoz", "de la pantalla": Spanish "de" before a device phrase, with "de el" made "del".</summary>
    private static string OfEs(string device) => device.StartsWith("el ", StringComparison.Ordinal) ? "del " + device[3..] : "de " + device;

    /// <summary>The confirmation: "Timer set: at 13:30 (in 30 minutes) I'll turn off the bedroom speaker."</summary>
    public static string Set(string description, string localTime, TimeSpan delay, Language language = Language.English) => language.Say(
        $"Timer set: at {localTime} ({In(delay, language)}) I'll {description}.",
        $"Listo: a las {localTime} ({In(delay, language)}) voy a {description}.",
        $"Erledigt: Um {localTime} Uhr ({In(delay, language)}) werde ich {description}.");

    public static string NotDelayable(string tool, Language language = Language.English)
    {
        string name = tool.Replace('_', ' ');
        return language.Say(
            $"A timer can turn a device on or off, change its volume, or play or pause music; \"{name}\" can't be delayed. I haven't set anything.",
            $"Un temporizador puede encender o apagar un dispositivo, cambiar su volumen o poner o pausar música; \"{name}\" no se puede dejar para más tarde. No he programado nada.",
            $"Ein Timer kann ein Gerät ein- oder ausschalten, die Lautstärke ändern oder Musik abspielen oder pausieren; \"{name}\" lässt sich nicht verzögern. Ich habe nichts gestellt.");
    }

    public static string NoTime(Language language = Language.English) => language.Say(
        "When should it happen? Say for example \"in 30 minutes\" or \"at 22:30\". I haven't set anything.",
        "¿Cuándo debe hacerse? Di por ejemplo \"en 30 minutos\" o \"a las 22:30\". No he programado nada.",
        "Wann soll es passieren? Sag zum Beispiel \"in 30 Minuten\" oder \"um 22:30\". Ich habe nichts gestellt.");

    public static string BadTime(string said, Language language = Language.English) => language.Say(
        $"\"{said}\" is not a time of day; use 24-hour HH:mm, like 22:30. I haven't set anything.",
        $"\"{said}\" no es una hora del día; usa el formato de 24 horas HH:mm, como 22:30. No he programado nada.",
        $"\"{said}\" ist keine Uhrzeit; nutze 24 Stunden im Format HH:mm, etwa 22:30. Ich habe nichts gestellt.");

    public static string TooSoon(TimeSpan minimum, Language language = Language.English) => language.Say(
        $"A timer must be at least {Duration(minimum, language)} ahead; to do it now, just ask. I haven't set anything.",
        $"Un temporizador tiene que ser para dentro de {Duration(minimum, language)} como mínimo; para hacerlo ahora, pídemelo sin más. No he programado nada.",
        $"Ein Timer muss mindestens {Duration(minimum, language)} in der Zukunft liegen; soll es jetzt passieren, sag es einfach. Ich habe nichts gestellt.");

    public static string TooFar(TimeSpan maximum, Language language = Language.English) => language.Say(
        $"A timer can be at most {Duration(maximum, language)} ahead; for something that repeats, a routine fits better. I haven't set anything.",
        $"Un temporizador puede ser como mucho para dentro de {Duration(maximum, language)}; para algo que se repite, encaja mejor una rutina. No he programado nada.",
        $"Ein Timer kann höchstens {Duration(maximum, language)} in der Zukunft liegen; für etwas, das sich wiederholt, passt eine Routine besser. Ich habe nichts gestellt.");

    public static string TooMany(int max, Language language = Language.English) => language.Say(
        $"You have {max} timers waiting, the most an account can have. Cancel one first (\"cancel my timer for the bedroom speaker\").",
        $"Tienes {max} temporizadores pendientes, el máximo que puede tener una cuenta. Cancela uno primero (\"cancela mi temporizador del altavoz del dormitorio\").",
        $"Du hast {max} Timer offen, mehr kann ein Konto nicht haben. Lösche zuerst einen (\"lösche meinen Timer für den Lautsprecher im Schlafzimmer\").");

    public static string Unavailable(Language language = Language.English) => language.Say(
        "Timers aren't available right now; nothing was set.",
        "Los temporizadores no están disponibles ahora mismo; no he programado nada.",
        "Timer sind gerade nicht verfügbar; ich habe nichts gestellt.");

    public static string NoTimers(Language language = Language.English) => language.Say(
        "You have no timers set. Try \"turn off the bedroom speaker in 30 minutes\".",
        "No tienes temporizadores programados. Prueba \"apaga el altavoz del dormitorio en 30 minutos\".",
        "Du hast keine Timer gestellt. Probier \"schalte den Lautsprecher im Schlafzimmer in 30 Minuten aus\".");

    public static string List(IEnumerable<(string Description, string LocalTime, TimeSpan Left, string Id)> timers, Language language = Language.English) =>
        language.Say("Your timers: ", "Tus temporizadores: ", "Deine Timer: ")
        + string.Join("; ", timers.Select(t => language.Say(
            $"at {t.LocalTime} ({In(t.Left, language)}) {t.Description} [{t.Id}]",
            $"a las {t.LocalTime} ({In(t.Left, language)}) {t.Description} [{t.Id}]",
            $"um {t.LocalTime} Uhr ({In(t.Left, language)}) {t.Description} [{t.Id}]")))
        + ".";

    public static string NothingToCancel(Language language = Language.English) => language.Say(
        "You have no timers to cancel.",
        "No tienes temporizadores que cancelar.",
        "Du hast keine Timer, die ich löschen könnte.");

    public static string WhichToCancel(string list, Language language = Language.English) => language.Say(
        $"{list} Which one should I cancel? Name its device, or say \"cancel all my timers\".",
        $"{list} ¿Cuál cancelo? Nombra su dispositivo o di \"cancela todos mis temporizadores\".",
        $"{list} Welchen soll ich löschen? Nenne sein Gerät oder sag \"lösche alle meine Timer\".");

    public static string NoSuchTimer(string id, Language language = Language.English) => language.Say(
        $"You have no timer \"{id}\" waiting.",
        $"No tienes ningún temporizador \"{id}\" pendiente.",
        $"Du hast keinen offenen Timer \"{id}\".");

    public static string Cancelled(IEnumerable<string> descriptions, Language language = Language.English) => language.Say(
        $"Cancelled: {ListWords.JoinAnd(descriptions.Select(d => $"the timer to {d}"))}.",
        $"He cancelado {ListWords.JoinAnd(descriptions.Select(d => $"el temporizador para {d}"), language)}.",
        $"Ich habe {ListWords.JoinAnd(descriptions.Select(d => $"den Timer \"{d}\""), language)} gelöscht.");

    public static string AlreadyFiring(string description, Language language = Language.English) => language.Say(
        $"The timer to {description} is running right now, so it can't be cancelled any more.",
        $"El temporizador para {description} se está ejecutando ahora mismo, así que ya no se puede cancelar.",
        $"Der Timer \"{description}\" läuft gerade und lässt sich nicht mehr löschen.");

    /// <summary>A fired timer's message, stored in the conversation it was set in: "Timer: Turned off the bedroom speaker."</summary>
    public static string Fired(string result, Language language = Language.English) =>
        language.Say("Timer: ", "Temporizador: ", "Timer: ") + result;

    public static string FiredRefused(string description, string reason, Language language = Language.English) => language.Say(
        $"Timer: I didn't {description}. {reason}",
        $"Temporizador: no he podido {description}. {reason}",
        $"Timer: Ich habe \"{description}\" nicht erledigt. {reason}");

    public static string Missed(string description, string localTime, Language language = Language.English) => language.Say(
        $"Timer: I didn't {description} at {localTime}: the service was unavailable then, and it was too late to do it when it came back.",
        $"Temporizador: no he podido {description} a las {localTime}: el servicio no estaba disponible entonces y, cuando volvió, ya era demasiado tarde para hacerlo.",
        $"Timer: Ich habe \"{description}\" um {localTime} Uhr nicht erledigt: Der Dienst war da nicht erreichbar, und als er zurück war, war es dafür zu spät.");

    public static string Failed(string description, Language language = Language.English) => language.Say(
        $"Timer: I couldn't {description}: something went wrong on our side. Please ask again if you still want it.",
        $"Temporizador: no he podido {description}: algo ha fallado por nuestra parte. Vuelve a pedirlo si todavía lo quieres.",
        $"Timer: Ich konnte \"{description}\" nicht erledigen: Bei uns ist etwas schiefgelaufen. Frag bitte noch einmal, wenn du es noch möchtest.");

    public static string RoutineRan(string name, string result, Language language = Language.English) => language.Say(
        $"Routine \"{name}\" ran on schedule. {result}",
        $"La rutina \"{name}\" se ha ejecutado a su hora. {result}",
        $"Die Routine \"{name}\" ist planmäßig gelaufen. {result}");

    public static string RoutineRefused(string name, string reason, Language language = Language.English) => language.Say(
        $"Routine \"{name}\" did not run on schedule. {reason}",
        $"La rutina \"{name}\" no se ha ejecutado a su hora. {reason}",
        $"Die Routine \"{name}\" ist nicht planmäßig gelaufen. {reason}");

    public static string RoutineMissed(string name, string localTime, Language language = Language.English) => language.Say(
        $"Routine \"{name}\" did not run at {localTime}: the service was unavailable then, and it was too late when it came back. It runs again at its next time.",
        $"La rutina \"{name}\" no se ejecutó a las {localTime}: el servicio no estaba disponible entonces y, cuando volvió, ya era demasiado tarde. Se ejecutará de nuevo a su próxima hora.",
        $"Die Routine \"{name}\" ist um {localTime} Uhr nicht gelaufen: Der Dienst war da nicht erreichbar, und als er zurück war, war es zu spät. Sie läuft wieder zu ihrer nächsten Zeit.");

    /// <summary>A routine occurrence's description (said only if it fails), a verb phrase like a timer's.</summary>
    public static string RoutineDescription(string name, Language language = Language.English) => language.Say(
        $"run the routine \"{name}\"",
        $"ejecutar la rutina \"{name}\"",
        $"die Routine {name} ausführen");

    /// <summary>"in 30 minutes", "dentro de 1 hora y 5 minutos", "in 10 Sekunden".</summary>
    public static string In(TimeSpan delay, Language language = Language.English) =>
        language.Say("in ", "dentro de ", "in ") + Duration(delay, language);

    private static string Duration(TimeSpan span, Language language) => DurationWords.Of(span, language);
}
