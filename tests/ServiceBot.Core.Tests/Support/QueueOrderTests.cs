using ServiceBot.Core.Support;

namespace ServiceBot.Core.Tests.Support;

public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Dedicated_goes_before_priority_before_standard_and_the_longest_waiting_first_within_one()
    {
        QueueEntry[] open =
        [
            Entry("c_std_old", SupportPriorities.Standard, T0),
            Entry("c_pri_new", SupportPriorities.Priority, T0.AddMinutes(9)),
            Entry("c_ded", SupportPriorities.Dedicated, T0.AddMinutes(10)),
            Entry("c_std_new", SupportPriorities.Standard, T0.AddMinutes(1)),
            Entry("c_pri_old", SupportPriorities.Priority, T0.AddMinutes(2)),
            Entry("c_taken", SupportPriorities.Dedicated, T0.AddMinutes(-5)) with { Status = QueueStatuses.Assigned, StaffId = "staff_001" },
            Entry("c_closed", SupportPriorities.Dedicated, T0.AddMinutes(-9)) with { Status = QueueStatuses.Closed },
        ];

        IReadOnlyList<PlacedEntry> placed = QueueOrder.Place(open);

        Assert.Equal(["c_ded", "c_pri_old", "c_pri_new", "c_std_old", "c_std_new", "c_taken"], placed.Select(p => p.Entry.ConversationId));
        Assert.Equal([1, 2, 3, 4, 5, null], placed.Select(p => p.Position));
    }

    [Theory]
    [InlineData(1, 0, 5, 5)]
    [InlineData(1, 1, 5, 5)]
    [InlineData(3, 1, 5, 15)]
    [InlineData(3, 2, 5, 8)]
    [InlineData(1, 4, 5, 2)]
    [InlineData(1, 50, 5, 1)]
    public void The_expected_wait_is_the_place_times_the_handling_time_shared_by_the_staff_online(int position, int staff, double average, int minutes) =>
        Assert.Equal(minutes, WaitEstimate.Minutes(position, staff, average));

    private static QueueEntry Entry(string conversationId, string priority, DateTimeOffset requestedAt) => new()
    {
        ConversationId = conversationId,
        CustomerId = "cust_x",
        CustomerName = "X",
        Tier = "t",
        SupportPriority = priority,
        RequestedAt = requestedAt,
        Status = QueueStatuses.Waiting,
    };
}
