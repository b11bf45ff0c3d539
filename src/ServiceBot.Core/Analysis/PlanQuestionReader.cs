using System.Text.RegularExpressions;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Questions about plans: which plan the customer is on, its limits, what a tier adds, how to upgrade, why an action is
/// not available, how the plans compare. Read before device requests, so "why can't I play music" is a question about
/// the plan and not a request to play; a message needs a question's frame to count ("play music" alone never does).
/// </summary>
internal static partial class PlanQuestionReader
{
    // Which action a phrase names; multi-room before music, since "music in every room" names both.
    private static readonly (Regex Pattern, string Action)[] ActionWords =
    [
        (MultiRoomWords(), Actions.MultiRoomAudio),
        (RoutineWords(), Actions.CustomActions),
        (MusicWords(), Actions.MusicServices),
        (RelocationWords(), Actions.DeviceRelocation),
        (VolumeWords(), Actions.VolumeControl),
        (PowerWords(), Actions.DevicePower),
        (StatusWords(), Actions.StatusCheck),
    ];

    public static RequestAnalysis? Read(Utterance u)
    {
        string t = u.Text;
        PlanTopic? topic = TopicOf(t);
        return topic is null
            ? null
            : new RequestAnalysis
            {
                Intent = Intent.PlanQuestion,
                PlanQuestion = new PlanQuestion(topic.Value, ActionIn(t), TierIn(t)) { AboveTier = topic == PlanTopic.Compare && AboveTier().IsMatch(t) },
            };
    }

    private static PlanTopic? TopicOf(string t)
    {
        if (Compare().IsMatch(t) || PlansInGeneral().IsMatch(t) || AboveTier().IsMatch(t))
        {
            return PlanTopic.Compare;
        }

        if (Upgrade().IsMatch(t))
        {
            return PlanTopic.Upgrade;
        }

        if (WhyNot().IsMatch(t) && ActionIn(t) is not null)
        {
            return PlanTopic.ActionAvailability;
        }

        if (Availability().IsMatch(t) && ActionIn(t) is not null)
        {
            return PlanTopic.ActionAvailability;
        }

        // "is there a plan with multi-room audio": which plan has it; with nothing named, the plans side by side.
        if (PlanExists().IsMatch(t))
        {
            return ActionIn(t) is not null ? PlanTopic.ActionAvailability : PlanTopic.Compare;
        }

        if (DeviceLimit().IsMatch(t))
        {
            return PlanTopic.DeviceLimit;
        }

        if (TierContents().IsMatch(t))
        {
            return PlanTopic.TierContents;
        }

        // What the customer's account includes, said without the word "plan": "am I on enterprise", "what's my support level".
        return CurrentPlan().IsMatch(t) || OnTier().IsMatch(t) || SupportLevel().IsMatch(t) ? PlanTopic.CurrentPlan : null;
    }

    private static string? ActionIn(string t)
    {
        foreach ((Regex pattern, string action) in ActionWords)
        {
            if (pattern.IsMatch(t))
            {
                return action;
            }
        }

        return null;
    }

    private static string? TierIn(string t) => TierName().Match(t) is { Success: true } m ? m.Groups[1].Value : null;

    private const string PlanWord = @"(plan|plans|tier|tiers|subscription|subscriptions|service level|service levels|package|packages|membership|account level)";

    // A tier's name before a device word is part of a device's name ("turn on the premium speaker"), not a tier.
    private const string TierWord = @"(basic|premium|enterprise)(?! (speaker|speakers|display|displays|hub|hubs|device|devices|screen|one)\b)";

    [GeneratedRegex(@"\b" + TierWord + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex TierName();

    [GeneratedRegex(@"\b(compare|comparison|versus|vs)\b.*\b(" + PlanWord + "|" + TierWord + @")\b|\b(difference|differences) between\b|\b(which|what) " + PlanWord + @" (are there|do you have|are available|exist|can i choose)\b|\b(list|show)( me)? (all )?(the |your )?" + PlanWord + @"\b|\ball (the |your )?(plans|tiers|subscriptions|packages)\b|\b(plans|tiers) (you offer|are available|and prices)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Compare();

    [GeneratedRegex(@"\b(upgrade|upgrading|upgraded)\b|\b(change|switch|move|go) (up )?(to )?(a |the )?(higher|bigger|better|next|" + TierWord + @") " + PlanWord + @"\b|\b(switch|move|go|change) (up )?to " + TierWord + @"\b|\bget (a |the )?(higher|bigger|better|next) " + PlanWord + @"\b|\b(buy|subscribe to|sign up for|sign me up for|pay for) (a |the )?(" + TierWord + "|" + PlanWord + @")\b|\bhow (do|can|could|would|should) (i|we) (get|have|join|obtain|go for|move to|switch to|change to|get on|get onto) (to )?(the |a )?" + TierWord + @"\b|\b(i want|i would like|i need|can i have|can i get|could i have|could i get|may i have|give me|let me have) (the |a )?" + TierWord + @"( " + PlanWord + @")?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Upgrade();

    [GeneratedRegex(@"\bwhy (can|could|do|does|will|would) not (i|we|you|it|my)\b|\bwhy (am|are) (i|we) (not )?(un)?(allowed|able|permitted)\b|\bwhy (is|was|are|were) (it|that|this|they|music|routines?) (not )?(refused|denied|blocked|disabled|unavailable|not allowed|not available|locked)\b|\bwhy (is|are) .* (not|unavailable)\b|\bwhy (no|not)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhyNot();

    [GeneratedRegex(@"\b(does|do|will|would|is) (my |the |a |your )?(" + PlanWord + "|" + TierWord + @") ?(" + PlanWord + @" )?(include|includes|including|cover|covers|allow|allows|let|lets|offer|offers|have|has|come with|support|supports)\b|\b(is|are) .* (included|available|allowed|part of)\b|\b(which|what) (" + PlanWord + @") (do i need|would i need|is needed|has|have|includes|include|allows|allow|gives|give|offers|offer|lets|let|supports|support|comes with|is required|for)\b|\bon (my|the|a) (" + PlanWord + "|" + TierWord + @")\b|\bwith (my|the|a) (" + PlanWord + @")\b|\b(am i|are we) (allowed|able|permitted) to\b|\b(need|requires?) (a |the )?(" + TierWord + "|" + PlanWord + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex Availability();

    [GeneratedRegex(@"\bhow many (devices|speakers|displays|hubs|things|gadgets) (can|could|may|am|are|does|do i get|is)\b|\b(device|devices) (limit|limits|allowance|cap|maximum)\b|\b(limit|limits|maximum|max|cap) (on|of|for) (the )?(number of )?(devices|speakers)\b|\b(max|maximum) (number of )?(devices|speakers)\b|\b(add|have|connect|register|use) (more|another|a second|a third|extra) (devices|device|speakers|speaker|displays|display|hubs|hub)\b|\bmy (plan|tier)( is| has)? (limits|limit)\b|\b(what are|what is) (the |my )?(limits|limit)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceLimit();

    [GeneratedRegex(@"\bwhat (does|do|would|will) (the )?" + TierWord + @"( " + PlanWord + @")? (add|adds|include|includes|offer|offers|give|gives|cover|covers|have|has|come with|get|do|unlock|unlocks)\b|\bwhat (do|would|will|can) (i|we) get (with|on|from|in|if i (get|buy|take|have)|for|by (getting|buying)) (the |a )?" + TierWord + @"\b|\bwhat is (in|included in|part of|the) (the )?" + TierWord + @"\b|\b(tell me about|explain|describe) (the )?" + TierWord + @"\b|\b" + TierWord + @" (plan|tier)\b.*\b(include|includes|offer|offers|add|adds|give|gives|get)\b|\bwhat (else )?(is|are) (in|included in|part of) (my|the) " + PlanWord + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex TierContents();

    [GeneratedRegex(@"\b(what|which) (is )?(my |the )?" + PlanWord + @" (am i|are we|do i|do we|is mine|is my|is this|is on my|i am|i have|have i)\b|\bwhat (is|does) my (current )?(\w+ )?" + PlanWord + @"\b|\bmy (current )?" + PlanWord + @" (include|includes|cover|covers|allow|allows|let|lets|offer|offers|give|gives|get|gets)\b|\bwhat (can|could|do|would|will) (i|we) (do|get|have|use) (with|on|in|from|under) (my |our |this |the |a )?(current )?(" + TierWord + @" )?" + PlanWord + @"\b|\b(am i|are we) on (the )?(a )?(\w+ )?" + PlanWord + @"\b|\bwhat is included\b|\bwhat (features|benefits) (do i|are|does my)\b|\b(tell me about|explain|describe|show me|show|check) (my|our) (current )?" + PlanWord + @"\b|^(my )?(current )?" + PlanWord + @"$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentPlan();

    // "tell me about your plans", "what are the different tiers", "what plans do you offer": the catalog, side by side.
    [GeneratedRegex(@"\b(tell me about|tell me more about|explain|describe|what are|info on|information on|information about|details on|details about|more about) (all )?(your|the|the different|your different|the available|the other|other|different) (plans|tiers|subscriptions|packages|service levels|memberships)\b|\b(what|which) (plans|tiers|subscriptions|packages|service levels) (do you|you) (offer|have|sell)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlansInGeneral();

    // "is there anything higher than enterprise", "a tier above premium", "what is the best plan": which tier is the top.
    [GeneratedRegex(@"\b(higher|better|bigger|above|beyond|more than|past|after|over) (than )?(the )?" + TierWord + @"\b|\b(highest|best|top|biggest|largest|most complete|most expensive) (" + PlanWord + @"|level|option)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboveTier();

    // "is there a plan with multiroom audio", "do you have a tier that includes routines", "any plan for more speakers".
    [GeneratedRegex(@"\b(is there|are there|do you have|do you offer|have you got|you have|got) (a |an |any )?(\w+ )?" + PlanWord + @" (with|that|which|for|including|where|where i can|to)\b|\b(any|a) " + PlanWord + @" (with|that (has|have|includes|include|allows|allow|lets|gives|offers)|which (has|includes|allows))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlanExists();

    // "am I on premium?", "are we on the enterprise tier", "do I have basic", "is my account enterprise": a tier by its name.
    [GeneratedRegex(@"\b(am i|are we|is my account|is our account|is this account|is my|is our) (on|in|with|using|subscribed to|signed up for|signed up to|a|an)? ?(the |a )?" + TierWord + @"\b|\b(do|did) (i|we) (have|pay for|get|own) (the |a )?" + TierWord + @"( " + PlanWord + @")?$|\bis (my|our|this) (" + PlanWord + @"|account) (a |the )?" + TierWord + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex OnTier();

    // "do I have priority support", "what's my support priority", "what kind of support do I get": the support part of a plan.
    [GeneratedRegex(@"\bsupport (priority|level|tier|plan|package)\b|\b(priority|level|kind|sort|type|tier) of (support|customer support|customer service)\b|^(do|does|did|am|is|are|will|would|can|what|which|how|tell me|explain)\b.*\b(standard|priority|dedicated|premium|faster|fast|vip) (support|customer support|customer service)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SupportLevel();

    [GeneratedRegex(@"\bmulti ?room\b|\bmultiroom\b|\b(several|multiple|many|all|every|two|more) (rooms|speakers|devices)( at once| together| at the same time)?\b.*\b(play|music|audio|sound|same)\b|\b(play|music|audio|sound)\b.*\b(several|multiple|many|all|every|two) (rooms|speakers|devices)\b|\b(same|sync|synced|synchronized) (music|audio|song)\b|\bwhole (house|home) (audio|music|sound)\b|\b(group|grouped|grouping) (speakers|devices)\b|\beverywhere\b|\bevery room\b", RegexOptions.CultureInvariant)]
    private static partial Regex MultiRoomWords();

    [GeneratedRegex(@"\b(routine|routines|automation|automations|automate|automatic|scenes?|schedules?|scheduled|scheduling|custom actions?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoutineWords();

    [GeneratedRegex(@"\b(music|songs?|playlists?|spotify|radio|podcasts?|tracks?|albums?|jazz|rock|play|playing|streaming|stream)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MusicWords();

    [GeneratedRegex(@"\b(move|moving|relocate|relocating|relocation)\b.*\b(device|devices|speaker|speakers|display|displays|hub|hubs|it|room|rooms)\b|\b(another|different|other) room\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelocationWords();

    [GeneratedRegex(@"\b(volume|louder|quieter|mute|unmute)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeWords();

    [GeneratedRegex(@"\b(turn|switch|power) (it |them |devices |my devices |the devices )?(on|off)\b|\b(power|restart|reboot)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PowerWords();

    [GeneratedRegex(@"\b(status|online|offline|diagnose|diagnostics|check on)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();
}
