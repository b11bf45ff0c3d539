using ServiceBot.Core.Analysis;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Testing;

/// <summary>What every scheduled-job store must do: one abstract suite, one fixture per store (SQLite, DynamoDB Local).</summary>
public abstract class ScheduledJobStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(DateTime.UtcNow.Date.AddDays(7).AddHours(12), TimeSpan.Zero);

    protected abstract Task<IScheduledJobStore> OpenAsync();

    protected IScheduledJobStore Jobs { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Jobs = await OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_claimers_at_once_never_get_the_same_job()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < 10; i++)
        {
            Assert.True(await Jobs.TryAddAsync(Timer($"tmr_{customer}_{i}", customer, T0.AddSeconds(i)), Ct));
        }

        IReadOnlyList<ClaimedJob>[] claims = await Task.WhenAll(
            Jobs.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 25, Ct),
            Jobs.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 25, Ct));

        string[] claimed = claims.SelectMany(c => c).Select(c => c.Job.Id).Where(id => id.Contains(customer, StringComparison.Ordinal)).ToArray();
        Assert.Equal(10, claimed.Length);
        Assert.Equal(10, claimed.Distinct().Count());
        Assert.Empty((await Jobs.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 25, Ct)).Where(c => c.Job.CustomerId == customer));
    }

    [Fact]
    public async Task A_job_is_not_claimed_before_it_is_due_and_reads_back_whole()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        ScheduledJob job = Timer("tmr_" + customer, customer, T0.AddMinutes(30));
        await Jobs.TryAddAsync(job, Ct);

        Assert.DoesNotContain(await Jobs.ClaimDueAsync(T0.AddMinutes(29), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.Id == job.Id);
        ClaimedJob claim = Assert.Single(await Jobs.ClaimDueAsync(T0.AddMinutes(30), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.Id == job.Id);

        Assert.Equal(job.DueAt, claim.Job.DueAt);
        Assert.Equal(job.Command!.DeviceIds, claim.Job.Command!.DeviceIds);
        Assert.Equal((ToolNames.SetPower, "off"), (claim.Job.Command.Tool, claim.Job.Command.Power));
        Assert.Equal(job.Description, claim.Job.Description);
    }

    [Fact]
    public async Task A_job_keeps_the_language_it_was_set_in_and_one_set_without_reads_as_English()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        ScheduledJob spanish = Timer("tmr_es" + customer, customer, T0.AddMinutes(10)) with
        {
            Language = Language.Spanish,
            Description = "apagar el altavoz del dormitorio",
        };
        await Jobs.TryAddAsync(spanish, Ct);
        await Jobs.TryAddAsync(Timer("tmr_en" + customer, customer, T0.AddMinutes(20)), Ct);

        Assert.Equal(
            [(Language.Spanish, "apagar el altavoz del dormitorio"), (Language.English, "turn off the bedroom speaker")],
            (await Jobs.ListPendingAsync(customer, Ct)).Select(j => (j.Language, j.Description)));
        ClaimedJob claim = Assert.Single(await Jobs.ClaimDueAsync(T0.AddMinutes(10), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);
        Assert.Equal(Language.Spanish, claim.Job.Language);
    }

    [Fact]
    public async Task A_lapsed_lease_makes_the_job_due_again_and_only_the_new_claim_completes_it()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        await Jobs.TryAddAsync(Timer("tmr_" + customer, customer, T0), Ct);
        ClaimedJob first = Assert.Single(await Jobs.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);

        Assert.DoesNotContain(await Jobs.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);
        ClaimedJob second = Assert.Single(await Jobs.ClaimDueAsync(T0.AddMinutes(3), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);

        Assert.False(await Jobs.CompleteAsync(first, JobOutcome.Ran, T0.AddMinutes(3), Ct));
        Assert.True(await Jobs.CompleteAsync(second, JobOutcome.Ran, T0.AddMinutes(3), Ct));
        Assert.Empty(await Jobs.ListPendingAsync(customer, Ct));
        Assert.DoesNotContain(await Jobs.ClaimDueAsync(T0.AddHours(1), TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);
    }

    [Fact]
    public async Task A_cancelled_job_is_never_claimed_and_only_its_customer_can_cancel_it()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        await Jobs.TryAddAsync(Timer("tmr_a" + customer, customer, T0.AddMinutes(5)), Ct);
        await Jobs.TryAddAsync(Timer("tmr_b" + customer, customer, T0.AddMinutes(1)), Ct);

        Assert.Equal(["tmr_b" + customer, "tmr_a" + customer], (await Jobs.ListPendingAsync(customer, Ct)).Select(j => j.Id));
        Assert.False(await Jobs.CancelAsync("someone_else", "tmr_a" + customer, Ct));
        Assert.True(await Jobs.CancelAsync(customer, "tmr_a" + customer, Ct));
        Assert.False(await Jobs.CancelAsync(customer, "tmr_a" + customer, Ct));

        Assert.Equal(["tmr_b" + customer], (await Jobs.ListPendingAsync(customer, Ct)).Select(j => j.Id));
        Assert.Equal(["tmr_b" + customer], (await Jobs.ClaimDueAsync(T0.AddHours(1), TimeSpan.FromMinutes(2), 25, Ct)).Where(c => c.Job.CustomerId == customer).Select(c => c.Job.Id));
    }

    [Fact]
    public async Task Adding_a_job_id_twice_keeps_the_first()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await Jobs.TryAddAsync(Timer("rtn_" + customer, customer, T0), Ct));
        Assert.False(await Jobs.TryAddAsync(Timer("rtn_" + customer, customer, T0.AddHours(1)), Ct));

        Assert.Equal(T0, Assert.Single(await Jobs.ListPendingAsync(customer, Ct)).DueAt);
        Assert.NotNull(await Jobs.NextDueAsync(Ct));
    }

    private static ScheduledJob Timer(string id, string customer, DateTimeOffset due) => new()
    {
        Id = id,
        CustomerId = customer,
        ConversationId = "conv_" + customer,
        DueAt = due,
        Kind = ScheduledJobKind.Timer,
        Command = new DeviceCommand { Tool = ToolNames.SetPower, DeviceIds = ["dev_002"], Power = "off" },
        Description = "turn off the bedroom speaker",
        CreatedAt = due.AddMinutes(-30),
    };
}
