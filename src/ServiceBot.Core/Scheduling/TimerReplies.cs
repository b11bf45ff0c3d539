using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Replies;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Scheduling;

/// <summary>Every sentence timers and scheduled routines say, in one place (other languages are added here).</summary>
public static class TimerReplies
{
    /// <summary>What a delayed command will do, as a customer reads it: "turn off the bedroom speaker".</summary>
    public static string Describe(DeviceCommand command, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(customer);
        string device = Agent.Phrases.JoinAnd(command.DeviceIds.Select(id => customer.FindDevice(id)?.Describe() ?? id));
        return command.Tool switch
        {
            ToolNames.SetPower => $"turn {command.Power} {device}",
            ToolNames.SetVolume when command.Volume == 0 => $"mute {device}",
            ToolNames.SetVolume => $"set {device} to volume {command.Volume}",
            ToolNames.ChangeVolume when command.VolumeStep > 0 => $"turn {device} up by {command.VolumeStep}",
            ToolNames.ChangeVolume => $"turn {device} down by {-command.VolumeStep}",
            ToolNames.PlayMusic => $"play {command.Music ?? "music"} on {device}",
            ToolNames.PauseMusic => $"pause the music on {device}",
            _ => $"{command.Tool.Replace('_', ' ')} on {device}",
        };
    }

    /// <summary>
    /// The confirmation, in the customer's language. The job's description stays English (it is stored with the job
    /// and said again when it fires), so the Spanish and German confirmations give the time and the delay.
    /// </summary>
    public static string Set(string description, string localTime, TimeSpan delay, Language language = Language.English)
    {
        int minutes = Math.Max(1, (int)Math.Round(delay.TotalMinutes));
        string es = minutes % 60 == 0 ? Plural(minutes / 60, "hora", "horas") : Plural(minutes, "minuto", "minutos");
        string de = minutes % 60 == 0 ? Plural(minutes / 60, "Stunde", "Stunden") : Plural(minutes, "Minute", "Minuten");
        return language.Say(
            $"Timer set: at {localTime} ({In(delay)}) I'll {description}.",
            $"Listo: he programado el temporizador para las {localTime} (dentro de {es}).",
            $"Erledigt: Der Timer ist für {localTime} Uhr gestellt (in {de}).");
    }

    private static string Plural(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    public static string NotDelayable(string tool) =>
        $"A timer can turn a device on or off, change its volume, or play or pause music; \"{tool.Replace('_', ' ')}\" can't be delayed. I haven't set anything.";

    public const string NoTime = "When should it happen? Say for example \"in 30 minutes\" or \"at 22:30\". I haven't set anything.";

    public static string BadTime(string said) =>
        $"\"{said}\" is not a time of day; use 24-hour HH:mm, like 22:30. I haven't set anything.";

    public static string TooSoon(TimeSpan minimum) =>
        $"A timer must be at least {Duration(minimum)} ahead; to do it now, just ask. I haven't set anything.";

    public static string TooFar(TimeSpan maximum) =>
        $"A timer can be at most {Duration(maximum)} ahead; for something that repeats, a routine fits better. I haven't set anything.";

    public static string TooMany(int max) =>
        $"You have {max} timers waiting, the most an account can have. Cancel one first (\"cancel my timer for the bedroom speaker\").";

    public const string Unavailable = "Timers aren't available right now; nothing was set.";

    public const string NoTimers = "You have no timers set. Try \"turn off the bedroom speaker in 30 minutes\".";

    public static string List(IEnumerable<(string Description, string LocalTime, TimeSpan Left, string Id)> timers) =>
        "Your timers: " + string.Join("; ", timers.Select(t => $"at {t.LocalTime} ({In(t.Left)}) {t.Description} [{t.Id}]")) + ".";

    public const string NothingToCancel = "You have no timers to cancel.";

    public static string WhichToCancel(string list) =>
        $"{list} Which one should I cancel? Name its device, or say \"cancel all my timers\".";

    public static string NoSuchTimer(string id) => $"You have no timer \"{id}\" waiting.";

    public static string Cancelled(IEnumerable<string> descriptions) =>
        $"Cancelled: {Agent.Phrases.JoinAnd(descriptions.Select(d => $"the timer to {d}"))}.";

    public static string AlreadyFiring(string description) =>
        $"The timer to {description} is running right now, so it can't be cancelled any more.";

    /// <summary>A fired timer's message, stored in the conversation it was set in: "Timer: Turned off the bedroom speaker."</summary>
    public static string Fired(string result) => $"Timer: {result}";

    public static string FiredRefused(string description, string reason) =>
        $"Timer: I didn't {description}. {reason}";

    public static string Missed(string description, string localTime) =>
        $"Timer: I didn't {description} at {localTime}: the service was unavailable then, and it was too late to do it when it came back.";

    public static string Failed(string description) =>
        $"Timer: I couldn't {description}: something went wrong on our side. Please ask again if you still want it.";

    public static string RoutineRan(string name, string result) => $"Routine \"{name}\" ran on schedule. {result}";

    public static string RoutineRefused(string name, string reason) => $"Routine \"{name}\" did not run on schedule. {reason}";

    public static string RoutineMissed(string name, string localTime) =>
        $"Routine \"{name}\" did not run at {localTime}: the service was unavailable then, and it was too late when it came back. It runs again at its next time.";

    public static string RoutineDescription(string name) => $"run the routine \"{name}\"";

    /// <summary>"in 30 minutes", "in 1 hour 5 minutes", "in 10 seconds".</summary>
    public static string In(TimeSpan delay) => "in " + Duration(delay);

    private static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            int seconds = Math.Max(1, (int)Math.Round(span.TotalSeconds));
            return Count(seconds, "second");
        }

        int minutes = (int)Math.Round(span.TotalMinutes);
        int hours = minutes / 60;
        minutes %= 60;
        return hours == 0 ? Count(minutes, "minute")
            : minutes == 0 ? Count(hours, "hour")
            : $"{Count(hours, "hour")} {Count(minutes, "minute")}";
    }

    private static string Count(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
