namespace ServiceBot.Testing;

/// <summary>The checkout the tests run from: the folder with ServiceBot.slnx above the test binaries.</summary>
public static class RepositoryFolder
{
    private static readonly Lazy<string> Found = new(FindRoot);

    public static string Root => Found.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServiceBot.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The tests run outside the repository: no ServiceBot.slnx above " + AppContext.BaseDirectory);
    }
}
