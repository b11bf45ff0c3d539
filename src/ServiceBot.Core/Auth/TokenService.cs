using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceBot.Core.Auth;

/// <summary>A token's subject (a customer or staff id) and its <c>role</c> claim (customer when absent), or why it was refused.</summary>
public sealed record TokenCheck(string? CustomerId, string? Reason)
{
    public string Role { get; init; } = Roles.Customer;
}

/// <summary>
/// HS256 tokens whose <c>sub</c> is the customer id (or, with a <c>role</c> claim of <c>staff</c>, a support staff
/// member's id): issued by the CLI, checked by the authorizer.
/// </summary>
public sealed class TokenService(IOptions<ServiceBotOptions> options, TimeProvider time)
{
    public const string RoleClaim = "role";

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public bool Enabled => !string.IsNullOrEmpty(options.Value.Auth.SigningKey);

    public string Issue(string customerId, TimeSpan lifetime, string role = Roles.Customer)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (!Enabled)
        {
            throw new InvalidOperationException("Token sign-in is off: set ServiceBot__Auth__SigningKey to a secret of at least 32 characters.");
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new System.Security.Claims.ClaimsIdentity(role == Roles.Customer
                ? [new System.Security.Claims.Claim(JwtRegisteredClaimNames.Sub, customerId)]
                : [new System.Security.Claims.Claim(JwtRegisteredClaimNames.Sub, customerId), new System.Security.Claims.Claim(RoleClaim, role)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<TokenCheck> ValidateAsync(string token)
    {
        if (!Enabled)
        {
            return new(null, "token sign-in is off");
        }

        TokenValidationResult result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = Key(),
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(30)
                && (notBefore is null || notBefore <= time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30)),
        }).ConfigureAwait(false);

        if (!result.IsValid)
        {
            return new(null, "invalid or expired token");
        }

        if (!result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out object? sub) || sub is not string id || id.Length == 0)
        {
            return new(null, "token has no sub");
        }

        object? role = result.Claims.TryGetValue(RoleClaim, out object? claimed) ? claimed : null;
        return role switch
        {
            null or Roles.Customer => new(id, null),
            Roles.Staff => new(id, null) { Role = Roles.Staff },
            _ => new(null, "token has an unknown role"),
        };
    }

    private SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(options.Value.Auth.SigningKey!));
}
