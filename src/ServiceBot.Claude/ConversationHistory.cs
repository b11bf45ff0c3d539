using Microsoft.Extensions.AI;
using ServiceBot.Core.Conversations;

namespace ServiceBot.Claude;

/// <summary>
/// The conversation so far, as Claude turns: the newest messages that fit a token budget, oldest first, starting
/// with a customer turn and alternating, so "make it louder" is read after "play jazz in the bedroom".
/// </summary>
internal static class ConversationHistory
{
    /// <summary>
    /// Roughly three characters per token: newer Claude tokenizers count English at about 3.5 to 4 characters a token,
    /// so this errs on the side of sending a little less, never more than the budget.
    /// </summary>
    public static int EstimateTokens(string text) => (text.Length + 2) / 3 + 4;

    public static List<ChatMessage> Select(IReadOnlyList<StoredMessage> history, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(history);
        var picked = new List<StoredMessage>();
        int spent = 0;
        for (int i = history.Count - 1; i >= 0; i--)
        {
            StoredMessage message = history[i];
            if (string.IsNullOrWhiteSpace(message.Text))
            {
                continue;
            }

            int cost = EstimateTokens(message.Text);
            if (spent + cost > tokenBudget)
            {
                break;
            }

            spent += cost;
            picked.Add(message);
        }

        picked.Reverse();

        // The Messages API wants the first turn to be the customer's; a reply whose question fell outside the budget goes too.
        int first = picked.FindIndex(m => m.Sender == Senders.Customer);
        var turns = new List<ChatMessage>();
        foreach (StoredMessage message in first < 0 ? [] : picked.Skip(first))
        {
            // A person of the support team spoke for our side, as the bot does.
            ChatRole role = message.Sender is Senders.Bot or Senders.Agent ? ChatRole.Assistant : ChatRole.User;
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                // Two customer messages in a row (the reply to the first failed): one turn, two paragraphs.
                turns[^1].Contents.Add(new TextContent(message.Text));
            }
            else
            {
                turns.Add(new ChatMessage(role, message.Text));
            }
        }

        return turns;
    }
}
