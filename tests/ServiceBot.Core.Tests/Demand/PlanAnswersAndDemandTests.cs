using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests.Demand;

/// <summary>
/// The offline assistant's plan answers (from the catalog and the customer's row) and what each answered message counts
/// as upgrade demand, on a real SQLite file.
/// </summary>
public sealed class PlanAnswersAndDemandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Answered = new(2026, 11, 2, 23, 59, 0, TimeSpan.Zero);
    private SeededCustomers _store = null!;
    private SqliteCustomerStore _customers = null!;
    private ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();

    public async ValueTask InitializeAsync()
    {
        _store = await SeededCustomers.CreateAsync("plan", TestContext.Current.CancellationToken);
        _customers = _store.Customers;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private sealed class NoEvents : IAgentEventSink
    {
        public ValueTask TextAsync(string delta, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private async Task<(AgentContext Context, AgentReply Reply)> AskAsync(string customerId, string text)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        var context = new AgentContext
        {
            Customer = customer,
            Tier = _catalog.Find(customer.ServiceLevel)!,
            Catalog = _catalog,
            ConversationId = "conv_plan",
            Text = text,
            Analysis = _analyzer.Analyze(text, customer),
        };
        var agent = new ChatAgent(new OfflineAgentModel(), new CustomerUpdater(_customers), TimeProvider.System, NullLoggerFactory.Instance);
        return (context, await agent.ReplyAsync(context, new NoEvents(), TestContext.Current.CancellationToken));
    }

    private async Task<string> AnswerAsync(string customerId, string text) => (await AskAsync(customerId, text)).Reply.Text;

    private async Task<IReadOnlyList<UpgradeDemand>> DemandAsync(string customerId, string text)
    {
        (AgentContext context, AgentReply reply) = await AskAsync(customerId, text);
        return UpgradeDemandReader.Read(context, reply, Answered);
    }

    [Fact]
    public async Task What_plan_am_I_on_names_the_tier_its_limits_and_what_it_lacks()
    {
        string answer = await AnswerAsync("cust_001", "what plan am I on?");

        Assert.StartsWith("You're on the basic plan: up to 1 device and standard support, and you have 1 device.", answer, StringComparison.Ordinal);
        Assert.Contains("music playback", answer, StringComparison.Ordinal);
        Assert.Contains("with premium", answer, StringComparison.Ordinal);
        Assert.Contains("custom routines with enterprise", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_many_devices_says_the_limit_what_is_used_and_which_tiers_allow_more()
    {
        Assert.Equal(
            "Your premium plan allows up to 3 devices and you have 2, so you can add 1 more device. For more devices: enterprise up to 10.",
            await AnswerAsync("cust_002", "how many devices can I have?"));
        Assert.Contains("so there's no room for another on this plan", await AnswerAsync("cust_001", "how many devices can I have?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_does_enterprise_add_lists_the_difference_from_the_customers_own_tier()
    {
        string fromBasic = await AnswerAsync("cust_001", "what does enterprise add?");
        string fromPremium = await AnswerAsync("cust_002", "what does enterprise add?");

        Assert.StartsWith("Compared with your basic plan, enterprise adds moving devices between rooms, music playback, multi-room audio, custom routines, up to 10 devices instead of 1 and dedicated support instead of standard.", fromBasic, StringComparison.Ordinal);
        Assert.StartsWith("Compared with your premium plan, enterprise adds multi-room audio, custom routines, up to 10 devices instead of 3 and dedicated support instead of priority.", fromPremium, StringComparison.Ordinal);
        Assert.Contains("plan changes are made by our account team", fromPremium, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_about_a_tier_by_name_says_whether_the_customer_is_on_it()
    {
        string notOnIt = await AnswerAsync("cust_001", "are we on enterprise?");
        string onIt = await AnswerAsync("cust_002", "do we have premium");

        Assert.StartsWith("No, you're on the basic plan, not enterprise. Compared with your basic plan, enterprise adds", notOnIt, StringComparison.Ordinal);
        Assert.StartsWith("You're on the premium plan: up to 3 devices and priority support", onIt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_what_is_above_a_tier_names_the_next_one_or_says_none_is()
    {
        string abovePremium = await AnswerAsync("cust_001", "is there a tier higher than premium");
        string aboveTop = await AnswerAsync("cust_003", "anything beyond enterprise?");

        Assert.StartsWith("Yes, above premium there's enterprise. Basic: ", abovePremium, StringComparison.Ordinal);
        Assert.StartsWith("No, enterprise is our most complete plan: there's nothing above it. Basic: ", aboveTop, StringComparison.Ordinal);
        Assert.EndsWith("You're on enterprise.", aboveTop, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_cant_I_play_music_names_the_tier_that_allows_it_and_runs_nothing()
    {
        (AgentContext _, AgentReply reply) = await AskAsync("cust_001", "why can't I play music?");

        Assert.StartsWith("Music playback isn't included in your basic plan; it comes with the premium and enterprise plans.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Actions);
        Assert.StartsWith("Music playback is included in your premium plan", await AnswerAsync("cust_002", "why can't I play music?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_do_I_upgrade_says_truthfully_that_the_chat_cannot_change_plans()
    {
        string basic = await AnswerAsync("cust_001", "how do I upgrade?");
        string enterprise = await AnswerAsync("cust_003", "how do I upgrade?");

        Assert.StartsWith("Compared with your basic plan, premium adds", basic, StringComparison.Ordinal);
        Assert.EndsWith("I can't change plans or take payments in this chat: plan changes are made by our account team, so ask them for it when you're ready. I've noted your interest.", basic, StringComparison.Ordinal);
        Assert.StartsWith("You're on enterprise, the most complete plan", enterprise, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_the_plans_lists_every_tier_from_the_catalog()
    {
        Assert.Equal(
            "Basic: checking a device's status, device information, volume control and turning devices on and off; up to 1 device and standard support. "
            + "Premium: everything in basic plus moving devices between rooms and music playback; up to 3 devices and priority support. "
            + "Enterprise: everything in premium plus multi-room audio and custom routines; up to 10 devices and dedicated support. You're on premium.",
            await AnswerAsync("cust_002", "compare the plans"));
    }

    [Fact]
    public async Task The_answers_follow_the_catalog_not_words_written_in_code()
    {
        // A catalog where premium allows five devices and includes routines: the answers change with it.
        _catalog = new ServiceLevelCatalog(SeedData.Default.ServiceLevels.Select(l => l.Level == "premium"
            ? l with { MaxDevices = 5, AllowedActions = [.. l.AllowedActions, Actions.CustomActions] }
            : l));

        Assert.Contains("you can add 3 more devices", await AnswerAsync("cust_002", "how many devices can I have?"), StringComparison.Ordinal);
        Assert.StartsWith("Custom routines isn't included in your basic plan; it comes with the premium and enterprise plans.", await AnswerAsync("cust_001", "why can't I use routines?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_refusal_counts_as_refusal_demand_with_the_tier_that_allows_it()
    {
        UpgradeDemand counted = Assert.Single(await DemandAsync("cust_001", "play some jazz in the living room"));

        Assert.Equal(new UpgradeDemand(new DateOnly(2026, 11, 2), "basic", Actions.MusicServices, "premium", DemandKinds.Refusal), counted);
    }

    [Fact]
    public async Task A_refusal_the_model_explained_without_calling_a_tool_still_counts_once()
    {
        (AgentContext context, AgentReply reply) = await AskAsync("cust_002", "play jazz in every room");
        Assert.Single(reply.TierRefusals);

        // Claude may answer in words without trying the tool: the message asked for it all the same.
        IReadOnlyList<UpgradeDemand> untried = UpgradeDemandReader.Read(context, reply with { TierRefusals = [], Actions = [] }, Answered);
        IReadOnlyList<UpgradeDemand> tried = UpgradeDemandReader.Read(context, reply, Answered);

        Assert.Equal(tried, untried);
        Assert.Equal(new UpgradeDemand(new DateOnly(2026, 11, 2), "premium", Actions.MultiRoomAudio, "enterprise", DemandKinds.Refusal), Assert.Single(tried));
    }

    [Theory]
    [InlineData("turn off Alice's speaker")]
    [InlineData("set the volume to 150")]
    [InlineData("turn off the bedroom speaker")]
    [InlineData("hello")]
    public async Task Refusals_for_other_reasons_and_allowed_requests_are_not_demand(string text)
    {
        Assert.Empty(await DemandAsync("cust_001", text));
    }

    public static TheoryData<string, string, string?, string?> Questions => new()
    {
        { "cust_001", "what does enterprise add?", null, "enterprise" },
        { "cust_001", "why can't I play music?", Actions.MusicServices, "premium" },
        { "cust_001", "how do I upgrade?", null, "premium" },
        { "cust_002", "how do I upgrade to enterprise?", null, "enterprise" },
        { "cust_001", "does enterprise include music?", Actions.MusicServices, "enterprise" },
        { "cust_002", "why can't I use routines", Actions.CustomActions, "enterprise" },
        { "cust_001", "what plan am I on?", null, null },
        { "cust_001", "compare the plans", null, null },
        { "cust_001", "how many devices can I have?", null, null },
        { "cust_002", "why can't I play music?", null, null },
        { "cust_002", "what does basic include?", null, null },
        { "cust_003", "how do I upgrade?", null, null },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_plan_question_counts_when_it_names_or_implies_a_tier_above_the_customers(string customerId, string text, string? action, string? to)
    {
        IReadOnlyList<UpgradeDemand> demand = await DemandAsync(customerId, text);

        if (to is null)
        {
            Assert.Empty(demand);
        }
        else
        {
            UpgradeDemand counted = Assert.Single(demand);
            Assert.Equal((action, to, DemandKinds.Question), (counted.Action, counted.ToTier, counted.Kind));
        }
    }
}
