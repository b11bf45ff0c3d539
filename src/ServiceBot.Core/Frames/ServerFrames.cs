using System.Text.Json.Serialization;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Frames;

/// <summary>A frame the server sends (docs/protocol.md, "Server -> client frames"); <c>type</c> names it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AckFrame), "ack")]
[JsonDerivedType(typeof(DeltaFrame), "delta")]
[JsonDerivedType(typeof(DeviceFrame), "device")]
[JsonDerivedType(typeof(MessageFrame), "message")]
[JsonDerivedType(typeof(ProfileFrame), "profile")]
[JsonDerivedType(typeof(HistoryFrame), "history")]
[JsonDerivedType(typeof(ErrorFrame), "error")]
[JsonDerivedType(typeof(HandoffFrame), "handoff")]
[JsonDerivedType(typeof(QueueFrame), "queue")]
[JsonDerivedType(typeof(TranscriptFrame), "transcript")]
[JsonDerivedType(typeof(CustomerMessageFrame), "customerMessage")]
[JsonDerivedType(typeof(UpgradeDemandFrame), "upgradeDemand")]
public abstract record ServerFrame;

/// <summary>The support console's upgrade demand report (staff connections only): the body of <see cref="Demand.UpgradeDemandReport"/>.</summary>
public sealed record UpgradeDemandFrame(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<Demand.ActionDemand> ByAction,
    IReadOnlyList<Demand.TierUpgradeDemand> ByUpgrade,
    IReadOnlyList<Demand.DayDemand> ByDay,
    Demand.DemandTotals Totals) : ServerFrame
{
    public static UpgradeDemandFrame Of(Demand.UpgradeDemandReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.From, report.To, report.ByAction, report.ByUpgrade, report.ByDay, report.Totals);
    }
}

public sealed record AckFrame(string? ClientMessageId, string ConversationId, string Timestamp) : ServerFrame;

public sealed record DeltaFrame(string ConversationId, string Text) : ServerFrame;

public sealed record DeviceFrame(Device Device) : ServerFrame;

public sealed record MessageFrame(
    string ConversationId,
    string Message,
    string? RequestType,
    IReadOnlyList<string> RequiredActions,
    bool Allowed,
    IReadOnlyList<ActionRecord> Actions,
    string Source,
    string Timestamp,
    string? ClientMessageId,
    string? AgentName = null) : ServerFrame
{
    public static MessageFrame From(StoredMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Sender == Senders.Agent
            ? new(reply.ConversationId, reply.Text, null, [], true, [], Sources.Agent, Timestamps.ToKey(reply.Timestamp), null, reply.AgentName)
            : new(reply.ConversationId, reply.Text, reply.RequestType, reply.RequiredActions, reply.Allowed,
                reply.Actions, reply.Source ?? Sources.Offline, Timestamps.ToKey(reply.Timestamp), reply.ClientMessageId);
    }
}

public sealed record ProfileFrame(CustomerProfile Customer, ServiceLevel ServiceLevel) : ServerFrame;

public sealed record CustomerProfile(string Id, string Name, string ServiceLevel, IReadOnlyList<Device> Devices)
{
    public static CustomerProfile From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Id, customer.Name, customer.ServiceLevel, customer.Devices);
    }
}

public sealed record HistoryFrame(string? ConversationId, IReadOnlyList<HistoryEntry> Messages) : ServerFrame;

public sealed record HistoryEntry(string Sender, string Text, string Timestamp, string? RequestType, bool Allowed, string? AgentName = null)
{
    public static HistoryEntry From(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Sender, message.Text, Timestamps.ToKey(message.Timestamp), message.RequestType, message.Allowed, message.AgentName);
    }
}

public sealed record ErrorFrame(string Code, string Message, string? ClientMessageId = null) : ServerFrame;

/// <summary>The <c>code</c> values of an error frame.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string TooLarge = "too_large";
    public const string UnknownAction = "unknown_action";
    public const string RateLimited = "rate_limited";
    public const string Unauthorized = "unauthorized";
    public const string Internal = "internal";

    /// <summary>The conversation is not in the state the frame needs: someone else holds it, or it has ended.</summary>
    public const string Conflict = "conflict";

    /// <summary>No such conversation in the support queue.</summary>
    public const string NotFound = "not_found";
}

/// <summary>Who wrote a reply.</summary>
public static class Sources
{
    public const string Claude = "claude";
    public const string Offline = "offline";

    /// <summary>A person of the support team (the message frame carries their name).</summary>
    public const string Agent = "agent";
}
