using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

namespace ServiceBot.Claude.Tests;

/// <summary>
/// The real agent with Claude as its model, composed the way the hosts compose it (core, SQLite store, AddServiceBotClaude),
/// talking to the Messages API stand-in on a loopback port. Short back-off so failure tests stay quick.
/// </summary>
public sealed class ClaudeRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _databasePath;

    private ClaudeRig(MessagesApiStandIn api, ServiceProvider services, string databasePath, CapturedLogs logs)
    {
        Logs = logs;
        Api = api;
        _services = services;
        _databasePath = databasePath;
    }

    public MessagesApiStandIn Api { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<ClaudeRig> StartAsync(IDictionary<string, string?>? settings = null, string? baseUrl = null)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        MessagesApiStandIn api = await MessagesApiStandIn.StartAsync(cancellationToken: ct);
        var values = new Dictionary<string, string?>
        {
            ["ANTHROPIC_API_KEY"] = MessagesApiStandIn.ApiKey,
            ["ANTHROPIC_BASE_URL"] = baseUrl ?? api.BaseUrl.ToString(),
            ["ServiceBot:Claude:RetryBaseDelaySeconds"] = "0.05",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        string path = Path.Combine(Path.GetTempPath(), $"servicebot-claude-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        var logs = new CapturedLogs();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        services.AddServiceBotCore();
        services.AddServiceBotSqlite();
        services.Configure<SqliteOptions>(o => o.DatabasePath = path);
        services.AddServiceBotClaude(config);
        ServiceProvider provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStoreInitializer>().InitializeAsync(ct);
        await provider.GetRequiredService<SeedHandler>().SeedAsync(SeedData.Default, ct);
        return new ClaudeRig(api, provider, path, logs);
    }

    public async Task<Customer> CustomerAsync(string id) =>
        (await _services.GetRequiredService<ICustomerStore>().GetAsync(id, TestContext.Current.CancellationToken))!;

    /// <summary>One customer message through the agent, as the chat handler would send it.</summary>
    public async Task<Answer> AskAsync(string customerId, string text, IReadOnlyList<StoredMessage>? history = null)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        AgentContext context = await ContextAsync(customerId, text, history);
        var events = new RecordingEvents();
        long started = Stopwatch.GetTimestamp();
        AgentReply reply = await _services.GetRequiredService<ChatAgent>().ReplyAsync(context, events, ct);
        return new Answer(reply, events, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>What the chat handler would give the agent for this message: the customer's row, tier, catalog and reading.</summary>
    public async Task<AgentContext> ContextAsync(string customerId, string text, IReadOnlyList<StoredMessage>? history = null)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        Customer customer = await CustomerAsync(customerId);
        ServiceLevelCatalog catalog = await _services.GetRequiredService<ServiceLevelDirectory>().GetCatalogAsync(ct);
        history ??= [];
        return new AgentContext
        {
            Customer = customer,
            Tier = catalog.Find(customer.ServiceLevel)!,
            Catalog = catalog,
            ConversationId = "conv_claude_test",
            Text = text,
            Analysis = _services.GetRequiredService<RequestAnalyzer>().Analyze(text, customer, ConversationContextBuilder.From(history, customer)),
            History = history,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}

public sealed record Answer(AgentReply Reply, RecordingEvents Events, TimeSpan Elapsed)
{
    public string Text => Reply.Text;

    public IEnumerable<ActionRecord> Executed => Reply.Actions.Where(a => a.Allowed);

    public IEnumerable<ActionRecord> Refused => Reply.Actions.Where(a => !a.Allowed);
}

/// <summary>What the host would have sent, in order, with when.</summary>
public sealed class RecordingEvents : IAgentEventSink
{
    private readonly Lock _lock = new();
    private readonly List<(string Kind, string Text, Device? Device, long At)> _events = [];

    public IReadOnlyList<(string Kind, string Text, Device? Device, long At)> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Deltas => All.Where(e => e.Kind == "delta").Select(e => e.Text).ToArray();

    public IReadOnlyList<Device> Devices => All.Where(e => e.Kind == "device").Select(e => e.Device!).ToArray();

    public ValueTask TextAsync(string delta, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.Add(("delta", delta, null, Stopwatch.GetTimestamp()));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.Add(("device", "", device, Stopwatch.GetTimestamp()));
        }

        return ValueTask.CompletedTask;
    }
}
