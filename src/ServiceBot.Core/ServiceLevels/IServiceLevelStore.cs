namespace ServiceBot.Core.ServiceLevels;

/// <summary>The ServiceLevels table (partition key <c>level</c>).</summary>
public interface IServiceLevelStore
{
    Task<ServiceLevel?> GetAsync(string level, CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceLevel>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the tier's definition (the seed owns these rows).</summary>
    Task PutAsync(ServiceLevel level, CancellationToken cancellationToken);
}
