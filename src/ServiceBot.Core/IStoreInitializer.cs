namespace ServiceBot.Core;

/// <summary>Makes a store ready at start: a file opened and migrated, or tables created when missing.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
