namespace ServiceBot.Core.Auth;

/// <summary>
/// Which web pages may open a connection. A browser sends the page's Origin with every WebSocket upgrade, and a
/// WebSocket is not bound by the same-origin rule, so without this check any site a customer visits could chat in
/// their name while they are signed in. Clients that are not browsers send no Origin and are not affected.
/// </summary>
public static class OriginPolicy
{
    /// <summary>
    /// True when the connection may go on: no Origin (not a browser), an origin in <paramref name="allowed"/>,
    /// or, when none is configured, the origin of the address the client connected to (<paramref name="host"/>).
    /// </summary>
    public static bool Allows(string? origin, string? host, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out Uri? page))
        {
            return false;
        }

        bool anyConfigured = false;
        foreach (string entry in allowed)
        {
            anyConfigured = true;
            if (Uri.TryCreate(entry.TrimEnd('/'), UriKind.Absolute, out Uri? permitted) && SameOrigin(page, permitted))
            {
                return true;
            }
        }

        return !anyConfigured && !string.IsNullOrEmpty(host)
            && string.Equals(page.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for <c>scheme://host[:port]</c> with nothing after it.</summary>
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value?.TrimEnd('/'), UriKind.Absolute, out Uri? uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
