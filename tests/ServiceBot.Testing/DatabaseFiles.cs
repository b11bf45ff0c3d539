namespace ServiceBot.Testing;

/// <summary>A test's SQLite file and the WAL files beside it.</summary>
public static class DatabaseFiles
{
    public static void Delete(string path)
    {
        foreach (string file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
