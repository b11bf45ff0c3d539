using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Auth;

namespace ServiceBot.Server.Hosting;

/// <summary>
/// <c>dotnet run --project src/ServiceBot.Server -- token cust_002</c>: prints a signed sign-in token;
/// <c>token staff_001 --staff</c> prints one for the support console (role <c>staff</c>).
/// </summary>
internal static class TokenCommand
{
    private const string StaffFlag = "--staff";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "token";

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Writes the token to <paramref name="output"/> and any problem to <paramref name="errors"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        bool staff = args.Contains(StaffFlag, StringComparer.Ordinal);
        args = args.Where(a => a != StaffFlag).ToArray();
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            errors.WriteLine("Usage: token CUSTOMER_ID [HOURS]   (prints a sign-in token for ?token=)");
            errors.WriteLine("       token STAFF_ID [HOURS] --staff   (a token for the support console)");
            return 2;
        }

        IConfiguration config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
            .Build();
        var options = new ServiceBotOptions();
        config.GetSection(ServiceBotOptions.Section).Bind(options);
        ValidateOptionsResult valid = new ServiceBotOptionsValidator().Validate(null, options);
        if (valid.Failed)
        {
            errors.WriteLine(valid.FailureMessage);
            return 1;
        }

        var tokens = new TokenService(Options.Create(options), TimeProvider.System);
        if (!tokens.Enabled)
        {
            errors.WriteLine("Token sign-in is off: set ServiceBot__Auth__SigningKey to a secret of at least 32 characters, then run this again.");
            return 1;
        }

        double hours = args.Length > 2 && double.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out double h) && h > 0 ? h : 24;
        output.WriteLine(tokens.Issue(args[1].Trim(), TimeSpan.FromHours(hours), staff ? Roles.Staff : Roles.Customer));
        return 0;
    }
}
