using Microsoft.Extensions.AI;

namespace ServiceBot.Core.Agent;

/// <summary>The tokens of every model call of one reply, the failed ones included: they were paid for too.</summary>
internal sealed class UsageTally
{
    private UsageDetails? _total;

    public UsageDetails? Total => _total;

    public void Add(UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        _total ??= new UsageDetails();
        _total.Add(usage);
    }
}
