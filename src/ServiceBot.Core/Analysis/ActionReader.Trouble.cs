using System.Text.RegularExpressions;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Analysis;

/// <summary>Restarts and reports of trouble: read over the whole message, before it is split into clauses.</summary>
internal static partial class ActionReader
{
    /// <summary>
    /// "turn it off and on again" and "it is frozen, restart it" span clauses that, read one by one, would be a power
    /// change or nothing; so these are read first, a restart before the trouble that may come with it.
    /// </summary>
    public static ActionReading? ReadTrouble(string t)
    {
        if (t.Length == 0 || Negated().IsMatch(t) || OneOffTime().IsMatch(t) || LeadingPlay().IsMatch(t))
        {
            return null;
        }

        // "it keeps restarting by itself" is a fault to diagnose, not a request to restart it ("reboots" arrives as "reboot":
        // the typo corrector knows only the verb).
        if (RestartsByItself().IsMatch(t))
        {
            return new ActionReading(Intent.Troubleshoot) { Symptom = Symptoms.NotWorking };
        }

        if (RestartWords().IsMatch(t))
        {
            return new ActionReading(Intent.Restart);
        }

        string? symptom = NoSoundWords().IsMatch(t) ? Symptoms.NoSound
            : FrozenWords().IsMatch(t) ? Symptoms.Frozen
            : ConnectionWords().IsMatch(t) ? Symptoms.Connection
            : NotWorkingWords().IsMatch(t) ? Symptoms.NotWorking
            : null;
        return symptom is null ? null : new ActionReading(Intent.Troubleshoot) { Symptom = symptom };
    }

    [GeneratedRegex(@"\b(keeps|kept|keep|randomly|constantly|always) (restarting|rebooting|resetting|restarts|reboots|resets|restart|reboot|turning off|switching off|shutting down|shutting off|turns off|switches off|shuts down)\b|\b(restarts|reboots|restart|reboot|restarting|rebooting|resets|turns off|switches off|shuts down|shuts off|turning off|shutting down) (by itself|on (its|it is) own|itself|randomly|for no reason|all the time|constantly)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RestartsByItself();

    [GeneratedRegex(@"\b(restart|reboot|rebooting|restarting|power cycle|cycle (the )?power)\b|\breset (it|them|my|the|dev_\w+)\b(?!.*\b(volume|routine|routines)\b)|\b(turn|switch|power)( \w+){0,4} off and (back )?on\b|\boff and on again\b", RegexOptions.CultureInvariant)]
    private static partial Regex RestartWords();

    [GeneratedRegex(@"\bno (sound|audio|noise)\b|\b(not|stopped|is not|will not|does not|no longer) (making|playing|producing|make|play|produce|give|giving) (any |a )?(sound|audio|noise)\b|\b(can not|could not|can no longer) (i |we )?hear (anything|a thing|it at all|any sound|a sound)\b|\bhear nothing\b|\b(does not|will not|is not|not) (play|playing) anything\b|\b(sound|audio) (is not working|not working|does not work|stopped working|stopped|is gone|went|keeps cutting|cuts out|cutting out|is cutting out|keeps dropping)\b|\b(is|went|gone|goes|stays|stayed) (completely )?silent\b|\bnothing (is )?(coming|comes|came) out\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoSoundWords();

    [GeneratedRegex(@"\b(frozen|freezing|freezes|froze|unresponsive|laggy|lagging|glitching|glitchy|crashing|crashed|crashes)\b|\b(is|got|seems|keeps getting) stuck\b|\bstuck on\b|\b(not|stopped) responding\b|\b(does|will) not respond\b|\b(black|blank) screen\b|\b(screen|display) (is|went|goes|stays|turned|has gone) (just |all |completely |totally |still )?(black|blank|dark)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FrozenWords();

    [GeneratedRegex(@"\b(keeps|kept|keep) (dropping|losing|going offline|disconnecting|dropping out|falling off)\b|\b(disconnects|disconnecting|disconnected|drops out|dropping out)\b|\b(lost|loses|losing|dropping|drops) (its |it is |the |my )?(wifi|wi fi|internet|connection|network|signal)\b|\b(will not|can not|does not|is not|not) (connect|connecting|connected|stay connected|stay online|pair)\b|\b(wifi|wi fi|internet|connection|network|signal) (is )?(bad|poor|weak|terrible|awful|unstable|flaky|spotty|problem|problems|issue|issues|trouble|keeps dropping|drops|cuts out)\b|\b(bad|poor|weak|terrible|unstable|flaky|spotty|no) (wifi|wi fi|internet|connection|signal)\b|\b(went|goes|keeps going) offline\b|^why (is|are|does|do|did) .*\boffline\b|\b(wifi|wi fi|internet|connection|network|signal)\b.*\b(is|are|seems|has been|keeps being) (so |really |very |just )?(bad|poor|weak|terrible|awful|horrible|unstable|flaky|spotty|patchy|rubbish)\b|^(?!(is|are|was|were|which|what|who|how|any)\b)(?!.*\b(if|whether)\b).*\b(is|are|shows|showing|says) (still |now |always |constantly |again |as )?offline\b|\b(keeps|kept|keep) (cutting|breaking) (out|up)\b|\b(cuts|cutting|breaks|breaking) (out|up)\b|\b(stuttering|stutters|stutter|choppy|buffering)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionWords();

    [GeneratedRegex(@"\b(not|stopped|no longer) working\b|\b(does|do|did|will) not (work|turn on|start|power on|boot)\b|\b(is|seems|looks|went|has gone) (broken|dead)\b|\bwrong with\b|\b(problem|problems|issue|issues|trouble|troubles) with\b|\b(acting|playing) (up|weird|strange|funny)\b|\bmisbehaving\b|\bmalfunctioning\b|\bfaulty\b|\b(troubleshoot|troubleshooting|diagnose|diagnostics|diagnostic)\b|\b(has|have|having) (a |an |some )?(problem|problems|issue|issues|trouble)\b|^fix (my|the|it|dev_\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotWorkingWords();
}
