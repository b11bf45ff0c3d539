using System.Globalization;
using ServiceBot.Testing;

namespace ServiceBot.Bench;

/// <summary>The benches' command-line options, and where the server they measure is built.</summary>
internal static class BenchArguments
{
    public static double Number(string[] args, string name, double fallback) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of whole numbers, e.g. <c>--connections 1,16,128</c>.</summary>
    public static int[] Numbers(string[] args, string name, int[] fallback) =>
        Text(args, name) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray()
            : fallback;

    public static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The server named by <c>--server</c>, else this checkout's Release build of it.</summary>
    public static string ServerDll(string[] args) =>
        Text(args, "--server") ?? RepositoryFolder.PathOf("src", "ServiceBot.Server", "bin", "Release", "net10.0", "ServiceBot.Server.dll");
}
