using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Agent;

/// <summary>Reads "it" and "the same music" out of the conversation so far.</summary>
public static class ConversationContextBuilder
{
    public static ConversationContext From(IReadOnlyList<StoredMessage> history, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(customer);
        ConversationContext context = Remembered(history, customer);
        int reply = LastReply(history);
        return reply < 0 ? context : context with
        {
            RestartOffered = RestartOffered(history[reply], customer),
            PendingRequest = history[reply].Actions.Count == 0 ? DeviceRequestBefore(history, reply) : null,
        };
    }

    private static ConversationContext Remembered(IReadOnlyList<StoredMessage> history, Customer customer)
    {
        for (int i = history.Count - 1; i >= 0; i--)
        {
            StoredMessage message = history[i];
            string[] devices = message.Actions
                .Where(a => a.DeviceId is not null && customer.FindDevice(a.DeviceId) is not null)
                .Select(a => a.DeviceId!)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (devices.Length > 0)
            {
                string? music = devices.Select(id => customer.FindDevice(id)?.NowPlaying).FirstOrDefault(m => m is not null);
                return new ConversationContext
                {
                    LastDeviceIds = devices, LastMusic = music ?? LastPlaying(customer), LastRequest = RequestBefore(history, i),
                    LastLanguage = LastLanguage(history),
                };
            }
        }

        return new ConversationContext { LastMusic = LastPlaying(customer), LastLanguage = LastLanguage(history) };
    }

    /// <summary>
    /// The language the customer wrote in last: as stored with their message, or (for rows stored before languages were)
    /// read again from their last few messages, oldest first, so a bare "30" among them keeps the one before.
    /// </summary>
    private static Language? LastLanguage(IReadOnlyList<StoredMessage> history)
    {
        const int MaxReread = 5;
        var unstored = new List<string>(MaxReread);
        Language? language = null;
        for (int i = history.Count - 1; i >= 0 && unstored.Count < MaxReread; i--)
        {
            if (history[i].Sender != Senders.Customer)
            {
                continue;
            }

            if (Languages.FromCode(history[i].Language) is { } stored)
            {
                language = stored;
                break;
            }

            unstored.Add(history[i].Text);
        }

        for (int i = unstored.Count - 1; i >= 0; i--)
        {
            language = LanguageDetector.Detect(unstored[i], language);
        }

        return language;
    }

    /// <summary>The customer's message the bot reply at <paramref name="reply"/> answered: what a correction corrects.</summary>
    private static string? RequestBefore(IReadOnlyList<StoredMessage> history, int reply)
    {
        for (int i = reply - 1; i >= 0; i--)
        {
            if (history[i].Sender == Senders.Customer)
            {
                return history[i].Text;
            }
        }

        return null;
    }

    private static int LastReply(IReadOnlyList<StoredMessage> history)
    {
        for (int i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Sender == Senders.Bot)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The devices a diagnosis in <paramref name="reply"/> offered to restart.</summary>
    private static string[] RestartOffered(StoredMessage reply, Customer customer) => reply.Actions
        .Where(a => a.Allowed && a.DeviceId is not null && customer.FindDevice(a.DeviceId) is not null
            && DeviceDiagnosis.RestartOfferWords.Any(words => a.Result.Contains(words, StringComparison.OrdinalIgnoreCase)))
        .Select(a => a.DeviceId!)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A device request the reply at <paramref name="reply"/> ran nothing for: it asked back which device.</summary>
    private static string? DeviceRequestBefore(IReadOnlyList<StoredMessage> history, int reply)
    {
        for (int i = reply - 1; i >= 0; i--)
        {
            if (history[i].Sender == Senders.Customer)
            {
                return history[i].RequestType is null ? null : history[i].Text;
            }
        }

        return null;
    }

    private static string? LastPlaying(Customer customer) =>
        customer.Devices.Select(d => d.NowPlaying).FirstOrDefault(m => m is not null);
}
