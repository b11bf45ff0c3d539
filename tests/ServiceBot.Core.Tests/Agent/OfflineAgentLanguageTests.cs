using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests.Agent;

/// <summary>The offline assistant in Spanish and German, on a real SQLite file: the request runs and the reply is in the customer's language.</summary>
public sealed class OfflineAgentLanguageTests : IAsyncLifetime
{
    private SeededCustomers _store = null!;
    private SqliteCustomerStore _customers = null!;
    private readonly ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();

    public async ValueTask InitializeAsync()
    {
        _store = await SeededCustomers.CreateAsync("agent-lang", TestContext.Current.CancellationToken);
        _customers = _store.Customers;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private sealed class RecordingEvents : IAgentEventSink
    {
        public List<Device> Devices { get; } = [];

        public ValueTask TextAsync(string delta, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken)
        {
            Devices.Add(device);
            return ValueTask.CompletedTask;
        }
    }

    private async Task<(AgentReply Reply, RecordingEvents Events)> AskAsync(string customerId, string text, IReadOnlyList<StoredMessage>? history = null)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        var context = new AgentContext
        {
            Customer = customer,
            Tier = _catalog.Find(customer.ServiceLevel)!,
            Catalog = _catalog,
            ConversationId = "conv_test",
            Text = text,
            Analysis = _analyzer.Analyze(text, customer, ConversationContextBuilder.From(history ?? [], customer)),
            History = history ?? [],
        };
        var agent = new ChatAgent(new OfflineAgentModel(), new CustomerUpdater(_customers), TimeProvider.System, NullLoggerFactory.Instance);
        var events = new RecordingEvents();
        return (await agent.ReplyAsync(context, events, TestContext.Current.CancellationToken), events);
    }

    private async Task<Device> StoredDeviceAsync(string customerId, string deviceId) =>
        (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!.FindDevice(deviceId)!;

    [Fact]
    public async Task A_spanish_request_is_carried_out_and_answered_in_spanish()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "pon jazz en el altavoz del dormitorio");

        Assert.True(Assert.Single(reply.Actions).Allowed, reply.Text);
        Assert.Equal("jazz", (await StoredDeviceAsync("cust_002", "dev_002")).NowPlaying);
        Assert.Equal("dev_002", Assert.Single(events.Devices).Id);
        Assert.Equal("Ahora suena jazz en el altavoz del dormitorio.", reply.Text);
    }

    [Fact]
    public async Task A_german_request_is_carried_out_and_answered_in_german()
    {
        (AgentReply reply, _) = await AskAsync("cust_001", "schalte den Lautsprecher im Wohnzimmer aus");

        Assert.True(Assert.Single(reply.Actions).Allowed, reply.Text);
        Assert.Equal(PowerState.Off, (await StoredDeviceAsync("cust_001", "dev_001")).Power);
        Assert.Equal("Ich habe den Lautsprecher im Wohnzimmer ausgeschaltet.", reply.Text);
    }

    [Fact]
    public async Task A_german_volume_change_says_from_what_to_what()
    {
        (AgentReply reply, _) = await AskAsync("cust_002", "stell die Küche auf dreißig");

        Assert.Equal(30, (await StoredDeviceAsync("cust_002", "dev_003")).Volume);
        Assert.Equal("Die Lautstärke am Display in der Küche ist von 60 auf 30 gegangen.", reply.Text);
    }

    [Fact]
    public async Task A_refusal_in_german_names_the_tier_that_allows_it_and_changes_nothing()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_001", "spiel Jazz im Wohnzimmer");

        ActionRecord refused = Assert.Single(reply.Actions);
        Assert.False(refused.Allowed);
        Assert.Equal("music_services", refused.Action);
        Assert.Empty(events.Devices);
        Assert.Null((await StoredDeviceAsync("cust_001", "dev_001")).NowPlaying);
        Assert.Equal("Die Musikwiedergabe: nicht in deinem Tarif basic enthalten. Verfügbar ab dem Tarif premium: Wechsle zu premium, um es zu nutzen.", reply.Text);
    }

    [Fact]
    public async Task A_clarification_in_spanish_asks_which_device_by_its_spanish_name()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "apágalo");

        Assert.Empty(reply.Actions);
        Assert.Empty(events.Devices);
        Assert.Equal(
            "¿Qué dispositivo quieres decir: el altavoz del dormitorio (Bedroom Speaker) o la pantalla de la cocina (Kitchen Display)?",
            reply.Text);
    }

    [Fact]
    public async Task A_spanish_greeting_offers_the_plan_in_spanish()
    {
        (AgentReply reply, _) = await AskAsync("cust_001", "hola");

        Assert.StartsWith("¡Hola, Jane! Soy tu asistente del hogar inteligente. Con tu plan basic puedo ayudarte con", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_scope_request_in_german_is_declined_in_german_and_runs_nothing()
    {
        (AgentReply reply, _) = await AskAsync("cust_003", "buch mir einen Flug nach Berlin");

        Assert.Empty(reply.Actions);
        Assert.StartsWith("Tut mir leid, bei Buchungen und Reisen kann ich nicht helfen", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Troubleshooting_in_spanish_answers_with_the_diagnosis_in_spanish()
    {
        Customer customer = (await _customers.GetAsync("cust_001", TestContext.Current.CancellationToken))!;
        Assert.True(await _customers.TryReplaceAsync(customer.WithDevice(customer.FindDevice("dev_001")! with { Volume = 0 }), TestContext.Current.CancellationToken));

        (AgentReply reply, _) = await AskAsync("cust_001", "no se oye nada");

        Assert.True(Assert.Single(reply.Actions).Allowed, reply.Text);
        Assert.Contains("Está silenciado (volumen 0): di \"pon el altavoz del salón a 30\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spanish_routine_is_created_and_confirmed_in_spanish_and_listed_in_german()
    {
        (AgentReply created, _) = await AskAsync("cust_003", "todos los días a las 7 enciende el altavoz de la oficina");

        Assert.True(Assert.Single(created.Actions).Allowed, created.Text);
        Assert.StartsWith("He creado la rutina \"", created.Text, StringComparison.Ordinal);
        Assert.EndsWith("todos los días a las 07:00, encender el altavoz de la oficina.", created.Text, StringComparison.Ordinal);
        Routine routine = Assert.Single((await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines);

        (AgentReply listed, _) = await AskAsync("cust_003", "zeig meine Routinen");
        Assert.Equal($"Deine Routinen: \"{routine.Name}\" (jeden Tag um 07:00 Uhr: den Lautsprecher im Büro einschalten).", listed.Text);
    }

    [Fact]
    public async Task A_bare_number_after_a_spanish_turn_is_answered_in_spanish()
    {
        (AgentReply first, _) = await AskAsync("cust_001", "pon el volumen a 20");
        var history = new List<StoredMessage>
        {
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow.AddSeconds(-2), UserId = "cust_001", Sender = Senders.Customer, Text = "pon el volumen a 20" },
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow.AddSeconds(-1), UserId = "cust_001", Sender = Senders.Bot, Text = first.Text, Actions = first.Actions },
        };

        (AgentReply corrected, _) = await AskAsync("cust_001", "perdón, 35", history);

        Assert.Equal(35, (await StoredDeviceAsync("cust_001", "dev_001")).Volume);
        Assert.Equal("El volumen del altavoz del salón ha pasado de 20 a 35.", corrected.Text);
    }
}
