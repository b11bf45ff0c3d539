using System.Collections.Concurrent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Replies;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The device actions of one reply, for one customer. Every command, from any agent or routine,
/// passes the permission gate against the customer's current row before it changes anything,
/// and every decision is recorded as one of the reply's actions.
/// </summary>
public sealed class DeviceToolbox
{
    private readonly AgentContext _context;
    private readonly CustomerUpdater _updater;
    private readonly PermissionGate _gate;
    private readonly IAgentEventSink _events;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<ActionRecord> _actions = new();
    private readonly ConcurrentQueue<WantedUpgrade> _tierRefusals = new();
    private Customer _customer;

    public DeviceToolbox(AgentContext context, CustomerUpdater updater, IAgentEventSink events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _updater = updater;
        _events = events;
        _time = time;
        _customer = context.Customer;
        _gate = new PermissionGate(context.Catalog);
    }

    /// <summary>Where timers and routine occurrences go; null in a host without a job store (then timers are refused).</summary>
    public Scheduling.JobScheduler? Timers { get; init; }

    /// <summary>The customer as last seen by this reply (after its own changes).</summary>
    public Customer Customer => Volatile.Read(ref _customer);

    public IReadOnlyList<ActionRecord> Actions => [.. _actions];

    /// <summary>The gate's refusals for the tier so far, each with the tier that would allow it.</summary>
    public IReadOnlyList<WantedUpgrade> TierRefusals => [.. _tierRefusals];

    /// <summary>
    /// The language tool results are written in: English for a model (it reads them and answers in the customer's
    /// language itself), the customer's for the offline assistant, which answers with them as they are.
    /// </summary>
    public Language MessageLanguage { get; set; } = Language.English;

    /// <summary>Runs one device command through the gate; a refusal comes back as the outcome, never as an exception.</summary>
    public async Task<ToolOutcome> ExecuteAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (ToolNames.TakesNoDevice(command.Tool))
        {
            throw new ArgumentException("Routine tools run through RoutineTools.", nameof(command));
        }

        GateDecision decision = GateDecision.Allow;
        var messages = new List<string>();
        var changed = new List<Device>();
        DateTimeOffset now = _time.GetUtcNow();
        Customer? after = await _updater.UpdateAsync(Customer.Id, Customer, current =>
        {
            messages.Clear();
            changed.Clear();
            decision = _gate.Check(current, _context.Tier, command, MessageLanguage);
            if (!decision.Allowed)
            {
                return null;
            }

            Customer updated = current;
            foreach (string id in command.DeviceIds.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Device device = updated.FindDevice(id)!;
                (Device next, string message) = DeviceOperations.Apply(device, command, now, MessageLanguage);
                messages.Add(message);
                if (next != device)
                {
                    updated = updated.WithDevice(next);
                    changed.Add(next);
                }
            }

            return changed.Count == 0 ? null : updated;
        }, cancellationToken).ConfigureAwait(false);

        if (after is not null)
        {
            Volatile.Write(ref _customer, after);
        }

        string action = decision.Action ?? command.Tool;
        if (after is null || !decision.Allowed)
        {
            string reason = after is null
                ? MessageLanguage.Say("Your account could not be found.", "No se ha encontrado tu cuenta.", "Dein Konto wurde nicht gefunden.")
                : decision.Reason!;
            NoteRefusal(decision);
            Record(action, command.DeviceId, allowed: false, reason, decision.Kind.ToString());
            return ToolOutcome.Refused(reason);
        }

        string result = messages.Count == 1 ? messages[0] : JoinGroup(command, after, MessageLanguage);
        foreach (string id in command.DeviceIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Record(action, after.FindDevice(id)?.Id ?? id, allowed: true, result);
        }

        foreach (Device device in changed)
        {
            await _events.DeviceChangedAsync(device, cancellationToken).ConfigureAwait(false);
        }

        return ToolOutcome.Done(result);
    }

    /// <summary>Records a decision taken elsewhere (routine tools, refused unknown tools).</summary>
    internal void Record(string action, string? deviceId, bool allowed, string result, string? refusalKind = null)
    {
        _actions.Enqueue(new ActionRecord(action, deviceId, allowed, result));
        ServiceBotTelemetry.ActionDecided(action, _context.Tier.Level, allowed, refusalKind);
    }

    /// <summary>Keeps a refusal for the tier (not for ownership, arguments or device state) as upgrade demand.</summary>
    internal void NoteRefusal(GateDecision decision)
    {
        if (decision is { Allowed: false, Kind: RefusalKind.Tier, Action: { } action, UpgradeTo: { } upgradeTo })
        {
            _tierRefusals.Enqueue(new WantedUpgrade(action, upgradeTo, DemandKinds.Refusal));
        }
    }

    internal PermissionGate Gate => _gate;

    internal AgentContext Context => _context;

    internal CustomerUpdater Updater => _updater;

    internal TimeProvider Time => _time;

    internal void Remember(Customer customer) => Volatile.Write(ref _customer, customer);

    private static string JoinGroup(DeviceCommand command, Customer customer, Language l)
    {
        IEnumerable<string> names = command.DeviceIds
            .Select(id => customer.FindDevice(id) is { } d ? DeviceWords.The(d, l, GermanCase.Dative) : id)
            .Distinct(StringComparer.Ordinal);
        string music = command.Music ?? l.Say("your music", "tu música", "deine Musik");
        string list = ListWords.JoinAnd(names, l);
        return l.Say($"Now playing {music} together on {list}.", $"Ahora suena {music} a la vez en {list}.", $"Jetzt läuft {music} gleichzeitig auf {list}.");
    }
}
