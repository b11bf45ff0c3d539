using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceBot.Core.Auth;

public sealed record TokenCheck(string? CustomerId, string? Reason);

/// <summary>HS256 tokens whose <c>sub</c> is the customer id: issued by the CLI, checked by the authorizer.</summary>
public sealed class TokenService(IOptions<ServiceBotOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public bool Enabled => !string.IsNullOrEmpty(options.Value.Auth.SigningKey);

    public string Issue(string customerId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (!Enabled)
        {
            throw new InvalidOperationException("Token sign-in is off: set ServiceBot__Auth__SigningKey to a secret of at least 32 characters.");
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(JwtRegisteredClaimNames.Sub, customerId)]),
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

        return result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out object? sub) && sub is string id && id.Length > 0
            ? new(id, null)
            : new(null, "token has no sub");
    }

    private SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(options.Value.Auth.SigningKey!));
}
