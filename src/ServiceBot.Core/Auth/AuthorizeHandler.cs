using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Auth;

/// <summary>
/// What a client presented at connect time: the query string's <c>customerId</c>, <c>staffId</c> or <c>token</c>, and
/// the <c>Origin</c> and <c>Host</c> headers of the upgrade.
/// </summary>
public sealed record AuthorizeRequest(string? CustomerId, string? Token)
{
    /// <summary>Demo sign-in of a support staff member (<c>?staffId=</c>).</summary>
    public string? StaffId { get; init; }

    public string? Origin { get; init; }

    public string? Host { get; init; }
}

/// <summary>The authorizer's answer: the customer (or staff member, by <see cref="Role"/>) to bind the connection to, or why not.</summary>
public sealed record AuthorizeResult(string? CustomerId, string? Reason)
{
    public bool Allowed => CustomerId is not null;

    public string Role { get; init; } = Roles.Customer;

    public static AuthorizeResult Allow(string customerId) => new(customerId, null);

    public static AuthorizeResult AllowStaff(string staffId) => new(staffId, null) { Role = Roles.Staff };

    public static AuthorizeResult Deny(string reason) => new(null, reason);
}

/// <summary>
/// Decides who a new connection belongs to. Deny by default: only a known customer or a known staff member, by demo
/// sign-in or a valid token. A staff member's id never signs in as a customer, nor a customer's as staff.
/// </summary>
public sealed partial class AuthorizeHandler(
    ICustomerStore customers,
    IStaffStore staff,
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

            if (check.Role == Roles.Staff)
            {
                return await StaffAsync(check.CustomerId, cancellationToken).ConfigureAwait(false);
            }

            customerId = check.CustomerId;
        }
        else if (!string.IsNullOrEmpty(request.StaffId))
        {
            if (!options.Value.Auth.DemoSignInEnabled)
            {
                return Denied("demo sign-in is off");
            }

            return await StaffAsync(request.StaffId, cancellationToken).ConfigureAwait(false);
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

    private async Task<AuthorizeResult> StaffAsync(string staffId, CancellationToken cancellationToken) =>
        staffId.Length > 64 || await staff.GetAsync(staffId, cancellationToken).ConfigureAwait(false) is null
            ? Denied("unknown staff member")
            : AuthorizeResult.AllowStaff(staffId);

    private AuthorizeResult Denied(string reason)
    {
        LogDenied(logger, reason);
        return AuthorizeResult.Deny(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection refused: {Reason}")]
    private static partial void LogDenied(ILogger logger, string reason);
}
