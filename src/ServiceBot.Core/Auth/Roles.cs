namespace ServiceBot.Core.Auth;

/// <summary>Who a connection is: a customer chatting, or a support staff member on the console. Fixed at connect time.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Staff = "staff";
}
