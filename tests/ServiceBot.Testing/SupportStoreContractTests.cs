using ServiceBot.Core.Analysis;
using ServiceBot.Core.Support;

namespace ServiceBot.Testing;

/// <summary>What every store of the support queue and the staff must do: one suite, one fixture per store.</summary>
public abstract class SupportStoreContractTests : IAsyncLifetime
{
    // A week ahead of the real clock: DynamoDB reaps rows whose ttl has passed in real time.
    private static readonly DateTimeOffset T0 = new(DateTime.UtcNow.Date.AddDays(7).AddHours(12), TimeSpan.Zero);

    protected abstract Task<(ISupportQueueStore Queue, IStaffStore Staff)> OpenAsync();

    protected ISupportQueueStore Queue { get; private set; } = null!;

    protected IStaffStore Staff { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (Queue, Staff) = await OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_reads_back_with_every_field_and_enqueueing_again_keeps_the_first()
    {
        QueueEntry first = Entry("conv_a", T0) with { CustomerConnectionId = "c1" };
        Assert.Equal(first, await Queue.EnqueueAsync(first, Ct));

        QueueEntry again = await Queue.EnqueueAsync(Entry("conv_a", T0.AddMinutes(3)) with { CustomerConnectionId = "c2" }, Ct);

        Assert.Equal(first, again);
        Assert.Equal(first, await Queue.FindAsync("conv_a", Ct));
        Assert.Null(await Queue.FindAsync("conv_none", Ct));
    }

    [Fact]
    public async Task An_entry_is_found_open_while_waiting_or_assigned_and_not_once_it_ended()
    {
        Assert.Null(await Queue.FindOpenAsync("conv_open", Ct));
        await Queue.EnqueueAsync(Entry("conv_open", T0), Ct);
        Assert.Equal(QueueStatuses.Waiting, (await Queue.FindOpenAsync("conv_open", Ct))?.Status);
        Assert.True(await Queue.TryTakeAsync("conv_open", "staff_001", "Sam Rivera", Ct));
        Assert.Equal(QueueStatuses.Assigned, (await Queue.FindOpenAsync("conv_open", Ct))?.Status);

        Assert.True(await Queue.TryEndAsync("conv_open", "staff_001", "Sam Rivera", QueueStatuses.Returned, orWaiting: false, Ct));
        Assert.Null(await Queue.FindOpenAsync("conv_open", Ct));
        Assert.Equal(QueueStatuses.Returned, (await Queue.FindAsync("conv_open", Ct))?.Status);

        await Queue.EnqueueAsync(Entry("conv_open", T0.AddMinutes(5)), Ct);
        Assert.Equal(QueueStatuses.Waiting, (await Queue.FindOpenAsync("conv_open", Ct))?.Status);
    }

    [Fact]
    public async Task An_entry_keeps_the_language_it_was_asked_in_until_it_opens_anew()
    {
        await Queue.EnqueueAsync(Entry("conv_l", T0) with { Language = Language.Spanish }, Ct);
        await Queue.EnqueueAsync(Entry("conv_l", T0.AddMinutes(1)) with { Language = Language.German }, Ct);
        Assert.Equal(Language.Spanish, (await Queue.FindAsync("conv_l", Ct))!.Language);
        Assert.Equal(Language.Spanish, Assert.Single(await Queue.ListOpenAsync(Ct), e => e.ConversationId == "conv_l").Language);
        Assert.Equal(Language.English, (await Queue.EnqueueAsync(Entry("conv_l_en", T0), Ct)).Language);

        Assert.True(await Queue.TryEndAsync("conv_l", "staff_001", "Sam Rivera", QueueStatuses.Closed, orWaiting: true, Ct));
        Assert.Equal(Language.Spanish, (await Queue.FindAsync("conv_l", Ct))!.Language);
        await Queue.EnqueueAsync(Entry("conv_l", T0.AddMinutes(30)) with { Language = Language.German }, Ct);
        Assert.Equal(Language.German, (await Queue.FindAsync("conv_l", Ct))!.Language);
    }

    [Fact]
    public async Task Only_one_of_two_staff_members_taking_at_once_gets_it()
    {
        await Queue.EnqueueAsync(Entry("conv_b", T0), Ct);

        bool[] taken = await Task.WhenAll(
            Queue.TryTakeAsync("conv_b", "staff_001", "Sam Rivera", Ct),
            Queue.TryTakeAsync("conv_b", "staff_002", "Priya Patel", Ct));

        Assert.Single(taken, t => t);
        QueueEntry entry = (await Queue.FindAsync("conv_b", Ct))!;
        Assert.Equal(QueueStatuses.Assigned, entry.Status);
        Assert.Equal(taken[0] ? ("staff_001", "Sam Rivera") : ("staff_002", "Priya Patel"), (entry.StaffId!, entry.StaffName!));
    }

    [Fact]
    public async Task Only_the_holder_hands_back_and_an_ended_entry_opens_anew_when_asked_again()
    {
        await Queue.EnqueueAsync(Entry("conv_c", T0), Ct);
        Assert.False(await Queue.TryEndAsync("conv_c", "staff_001", "Sam Rivera", QueueStatuses.Returned, orWaiting: false, Ct));
        Assert.True(await Queue.TryTakeAsync("conv_c", "staff_001", "Sam Rivera", Ct));
        Assert.False(await Queue.TryEndAsync("conv_c", "staff_002", "Priya Patel", QueueStatuses.Returned, orWaiting: false, Ct));
        Assert.False(await Queue.TryTakeAsync("conv_c", "staff_002", "Priya Patel", Ct));

        Assert.True(await Queue.TryEndAsync("conv_c", "staff_001", "Sam Rivera", QueueStatuses.Returned, orWaiting: false, Ct));
        Assert.Equal(QueueStatuses.Returned, (await Queue.FindAsync("conv_c", Ct))!.Status);
        Assert.DoesNotContain(await Queue.ListOpenAsync(Ct), e => e.ConversationId == "conv_c");
        Assert.False(await Queue.TryEndAsync("conv_c", "staff_001", "Sam Rivera", QueueStatuses.Closed, orWaiting: true, Ct));

        QueueEntry reopened = await Queue.EnqueueAsync(Entry("conv_c", T0.AddMinutes(30)), Ct);
        Assert.Equal((QueueStatuses.Waiting, T0.AddMinutes(30), (string?)null), (reopened.Status, reopened.RequestedAt, reopened.StaffId));
    }

    [Fact]
    public async Task A_waiting_entry_can_be_closed_but_not_handed_back()
    {
        await Queue.EnqueueAsync(Entry("conv_d", T0), Ct);
        Assert.False(await Queue.TryEndAsync("conv_d", "staff_001", "Sam Rivera", QueueStatuses.Returned, orWaiting: false, Ct));
        Assert.True(await Queue.TryEndAsync("conv_d", "staff_001", "Sam Rivera", QueueStatuses.Closed, orWaiting: true, Ct));
        Assert.Equal((QueueStatuses.Closed, "Sam Rivera"), ((await Queue.FindAsync("conv_d", Ct))!.Status, (await Queue.FindAsync("conv_d", Ct))!.StaffName));
    }

    [Fact]
    public async Task The_open_list_holds_waiting_and_assigned_entries_only()
    {
        await Queue.EnqueueAsync(Entry("conv_e1", T0), Ct);
        await Queue.EnqueueAsync(Entry("conv_e2", T0.AddSeconds(1)), Ct);
        await Queue.EnqueueAsync(Entry("conv_e3", T0.AddSeconds(2)), Ct);
        await Queue.TryTakeAsync("conv_e2", "staff_001", "Sam Rivera", Ct);
        await Queue.TryEndAsync("conv_e3", "staff_001", "Sam Rivera", QueueStatuses.Closed, orWaiting: true, Ct);
        await Queue.UpdateCustomerConnectionAsync("conv_e1", "c9", Ct);

        IReadOnlyList<QueueEntry> open = await Queue.ListOpenAsync(Ct);

        Assert.Equal(["conv_e1", "conv_e2"], open.Select(e => e.ConversationId).Order(StringComparer.Ordinal));
        Assert.Equal("c9", open.Single(e => e.ConversationId == "conv_e1").CustomerConnectionId);
    }

    [Fact]
    public async Task Staff_members_and_their_live_consoles_read_back()
    {
        await Staff.PutAsync(new StaffMember("staff_001", "Sam Rivera"), Ct);
        await Staff.PutAsync(new StaffMember("staff_001", "Sam Rivera-Lee"), Ct);
        Assert.Equal(new StaffMember("staff_001", "Sam Rivera-Lee"), await Staff.GetAsync("staff_001", Ct));
        Assert.Null(await Staff.GetAsync("staff_404", Ct));

        await Staff.AddConnectionAsync(new StaffConnection("k1", "staff_001", T0.AddHours(24)), Ct);
        await Staff.AddConnectionAsync(new StaffConnection("k2", "staff_002", T0.AddHours(24)), Ct);
        await Staff.AddConnectionAsync(new StaffConnection("k3", "staff_002", T0.AddMinutes(-1)), Ct);
        await Staff.RemoveConnectionAsync("k1", Ct);

        StaffConnection live = Assert.Single(await Staff.ListConnectionsAsync(T0, Ct));
        Assert.Equal(("k2", "staff_002", T0.AddHours(24)), (live.ConnectionId, live.StaffId, live.Ttl));
    }

    private static QueueEntry Entry(string conversationId, DateTimeOffset requestedAt) => new()
    {
        ConversationId = conversationId,
        CustomerId = "cust_002",
        CustomerName = "John Doe",
        Tier = "premium",
        SupportPriority = SupportPriorities.Priority,
        RequestedAt = requestedAt,
        Status = QueueStatuses.Waiting,
    };
}
