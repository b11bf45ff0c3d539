using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Auth;

/// <summary>
/// What a client presented at connect time: the query string's <c>customerId</c> or <c>token</c>, and the
/// <c>Origin</c> and <c>Host</c> headers of the upgrade.
/// </summary>
public sealed record AuthorizeRequest(string? CustomerId, string? Token)
{
    public string? Origin { get; init; }

    public string? Host { get; init; }
}

/// <summary>The authorizer's answer: the customer to bind the connection to, or why not.</summary>
public sealed record AuthorizeResult(string? CustomerId, string? Reason)
{
    public bool Allowed => CustomerId is not null;

    public static AuthorizeResult Allow(string customerId) => new(customerId, null);

    public static AuthorizeResult Deny(string reason) => new(null, reason);
}

/// <summary>Decides who a new connection belongs to. Deny by default: only a known customer, by demo sign-in or a valid token.</summary>
public sealed partial class AuthorizeHandler(
    ICustomerStore customers,
    TokenService tokens,
    IOptions<ServiceBotOptions> options,
    ILogger<AuthorizeHandler> logger)
{
    public async Task<AuthorizeResult> AuthorizeAsync(AuthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OriginPolicy.Allows(request.Origin, request.Host, options.Value.Auth.AllowedOrigins))
        {
            return Denied("origin not allowed");
        }

        string? customerId;
        if (!string.IsNullOrEmpty(request.Token))
        {
            TokenCheck check = await tokens.ValidateAsync(request.Token).ConfigureAwait(false);
            if (check.CustomerId is null)
            {
                return Denied(check.Reason ?? "invalid token");
            }

            customerId = check.CustomerId;
        }
        else if (!string.IsNullOrEmpty(request.CustomerId))
        {
            if (!options.Value.Auth.DemoSignInEnabled)
            {
                return Denied("demo sign-in is off");
            }

            customerId = request.CustomerId;
        }
        else
        {
            return Denied("no customerId or token");
        }

        if (customerId.Length > 64 || await customers.GetAsync(customerId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Denied("unknown customer");
        }

        return AuthorizeResult.Allow(customerId);
    }

    private AuthorizeResult Denied(string reason)
    {
        LogDenied(logger, reason);
        return AuthorizeResult.Deny(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection refused: {Reason}")]
    private static partial void LogDenied(ILogger logger, string reason);
}
