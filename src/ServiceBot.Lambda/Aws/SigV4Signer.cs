using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace ServiceBot.Lambda.Aws;

/// <summary>
/// Signs an HTTP request with AWS Signature Version 4. We build the canonical request (the part that depends on
/// how the request is sent) and AWSSDK.Core's signer derives the key and the signature from it.
/// </summary>
internal static class SigV4Signer
{
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Adds <c>x-amz-date</c>, <c>x-amz-security-token</c> (temporary credentials) and <c>Authorization</c>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, string region, string service, ImmutableCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        Uri uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException("The request needs an absolute URI to be signed.", nameof(request));

        DateTime signedAt = now.UtcDateTime;
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", signedAt.ToString(DateFormat, CultureInfo.InvariantCulture));
        request.Headers.Remove("x-amz-security-token");
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            request.Headers.TryAddWithoutValidation("x-amz-security-token", credentials.Token);
        }

        // Every header we send is signed, with the host as HttpClient will send it.
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : uri.Authority,
        };
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key.ToLowerInvariant()] = CanonicalValue(header.Value);
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString().Trim();
        }

        string signedHeaders = string.Join(';', headers.Keys);
        string canonicalRequest = CanonicalRequest(request.Method.Method, uri, headers, signedHeaders, Hex(SHA256.HashData(body)));
        AWS4SigningResult result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonicalRequest);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    internal static string CanonicalRequest(string method, Uri uri, SortedDictionary<string, string> headers, string signedHeaders, string payloadHash)
    {
        var canonical = new StringBuilder();
        canonical.Append(method).Append('\n');
        canonical.Append(CanonicalPath(uri.AbsolutePath)).Append('\n');
        canonical.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach ((string name, string value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return canonical.ToString();
    }

    /// <summary>
    /// Each segment of the path as sent, URI-encoded once more (every service but S3 signs the doubly encoded path):
    /// <c>/dev/%40connections/abc%3D</c> is signed as <c>/dev/%2540connections/abc%253D</c>.
    /// </summary>
    internal static string CanonicalPath(string sentPath)
    {
        if (sentPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', sentPath.Split('/').Select(Encode));
    }

    internal static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        IEnumerable<(string Key, string Value)> pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                string key = eq < 0 ? pair : pair[..eq];
                string value = eq < 0 ? string.Empty : pair[(eq + 1)..];
                return (Encode(Uri.UnescapeDataString(key)), Encode(Uri.UnescapeDataString(value)));
            });
        return string.Join('&', pairs.OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal).Select(p => p.Item1 + "=" + p.Item2));
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ as %XX in upper case.</summary>
    internal static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static string CanonicalValue(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
