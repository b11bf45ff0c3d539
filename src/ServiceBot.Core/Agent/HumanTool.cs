using ServiceBot.Core.Support;

namespace ServiceBot.Core.Agent;

/// <summary>
/// request_human: the model's way into the support queue, for the requests the handoff reader did not recognise
/// ("this isn't working, I give up, get me someone who knows"). It joins through the same desk, so the customer gets the
/// same place, wait and frames. No tier action: everyone may ask.
/// </summary>
internal static class HumanTool
{
    public const string Action = "human_handoff";

    public static async Task<string> RequestAsync(DeviceToolbox toolbox, CancellationToken cancellationToken)
    {
        if (toolbox.Context.RequestHuman is not { } request)
        {
            toolbox.Record(Action, null, allowed: false, "The support queue is not available here.");
            return "The support queue is not available here; tell the customer you could not reach a person right now.";
        }

        string told = await request(cancellationToken).ConfigureAwait(false);
        toolbox.Record(Action, null, allowed: true, told);
        return told;
    }

    public const string Description = HandoffReplies.HumanToolDescription;
}
