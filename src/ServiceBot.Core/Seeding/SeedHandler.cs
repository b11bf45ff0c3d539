using Microsoft.Extensions.Logging;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Seeding;

public sealed record SeedResult(int ServiceLevelsWritten, int CustomersAdded)
{
    public int StaffWritten { get; init; }
}

/// <summary>
/// Applies the seed idempotently: tiers are written only when they differ, and a customer is added only
/// when missing, so a second run changes nothing and keeps the device state customers changed.
/// </summary>
public sealed partial class SeedHandler(
    IServiceLevelStore serviceLevels,
    ICustomerStore customers,
    IStaffStore staff,
    ServiceLevelDirectory directory,
    ILogger<SeedHandler> logger)
{
    public async Task<SeedResult> SeedAsync(SeedData seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        int levelsWritten = 0;
        foreach (ServiceLevel level in seed.ServiceLevels)
        {
            ServiceLevel? existing = await serviceLevels.GetAsync(level.Level, cancellationToken).ConfigureAwait(false);
            if (existing is null || !SameTier(existing, level))
            {
                await serviceLevels.PutAsync(level, cancellationToken).ConfigureAwait(false);
                levelsWritten++;
            }
        }

        int customersAdded = 0;
        foreach (Customer customer in seed.Customers)
        {
            if (await customers.TryAddAsync(customer with { Version = 0 }, cancellationToken).ConfigureAwait(false))
            {
                customersAdded++;
            }
        }

        int staffWritten = 0;
        foreach (StaffMember member in seed.Staff)
        {
            if (await staff.GetAsync(member.Id, cancellationToken).ConfigureAwait(false) != member)
            {
                await staff.PutAsync(member, cancellationToken).ConfigureAwait(false);
                staffWritten++;
            }
        }

        directory.Invalidate();
        LogSeeded(logger, levelsWritten, customersAdded, staffWritten);
        return new SeedResult(levelsWritten, customersAdded) { StaffWritten = staffWritten };
    }

    private static bool SameTier(ServiceLevel a, ServiceLevel b) =>
        a.MaxDevices == b.MaxDevices
        && a.SupportPriority == b.SupportPriority
        && a.AllowedActions.SequenceEqual(b.AllowedActions, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed applied: {Levels} service levels written, {Customers} customers added, {Staff} staff members written")]
    private static partial void LogSeeded(ILogger logger, int levels, int customers, int staff);
}
