using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Architecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace ServiceBot.Infrastructure;

/// <summary>
/// The Lambda functions: one package (ServiceBot.Lambda's Native AOT <c>bootstrap</c>, a custom runtime on
/// provided.al2023), one function per handler. Each gets the table names, only the table actions it calls, its own
/// log group with a retention, and the secrets it needs by name (read at start, never in the template).
/// </summary>
internal sealed class BotFunctions : Construct
{
    public BotFunctions(Construct scope, string id, StackSettings settings, DataTables tables) : base(scope, id)
    {
        Code code = Code.FromAsset(settings.LambdaPackage);
        RetentionDays retention = settings.IsProd ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK;
        RemovalPolicy logRemoval = settings.IsProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        SigningKey = new Secret(this, "SigningKey", new SecretProps
        {
            SecretName = $"servicebot/{settings.EnvironmentName}/signing-key",
            Description = "ServiceBot: the HS256 key that signs ?token= sign-in tokens",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 48, ExcludePunctuation = true },
            RemovalPolicy = settings.IsProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        AnthropicKey = Secret.FromSecretNameV2(this, "AnthropicKey", settings.AnthropicSecretName);

        Function New(string handler, string description, int memory, int timeoutSeconds, Dictionary<string, string>? extra = null)
        {
            var environment = tables.Environment();
            environment["ServiceBot__Auth__DemoSignIn"] = settings.DemoSignIn ? "true" : "false";
            foreach ((string key, string value) in extra ?? [])
            {
                environment[key] = value;
            }

            string name = char.ToUpperInvariant(handler[0]) + handler[1..];
            var logs = new LogGroup(this, name + "Logs", new LogGroupProps { Retention = retention, RemovalPolicy = logRemoval });
            return new Function(this, name, new FunctionProps
            {
                Description = $"ServiceBot {settings.EnvironmentName}: {description}",
                Runtime = Runtime.PROVIDED_AL2023,
                Architecture = settings.Architecture == "arm64" ? Architecture.ARM_64 : Architecture.X86_64,
                Handler = handler,
                Code = code,
                MemorySize = memory,
                Timeout = Duration.Seconds(timeoutSeconds),
                Environment = environment,
                LogGroup = logs,
            });
        }

        Authorize = New("authorize", "the $connect authorizer (customerId, staffId or token)", 256, 10,
            new() { ["SIGNING_KEY_SECRET"] = SigningKey.SecretName });
        Connect = New("connect", "$connect: records the connection", 256, 10);
        Disconnect = New("disconnect", "$disconnect: forgets the connection", 256, 10);
        Message = New("message", "sendMessage, getProfile, getHistory, the support console's frames and $default", 512, 90,
            new() { ["ANTHROPIC_API_KEY_SECRET"] = settings.AnthropicSecretName });
        Seed = New("seed", "the seed custom resource (service levels and sample customers)", 256, 300);
        Http = New("http", "GET /api/customers and /api/service-levels", 256, 10);
        // Shorter than a job's two-minute lease, so a run that times out never overlaps the next claim of its jobs.
        Schedule = New("schedule", "runs due timers and scheduled routines (every minute)", 256, 60);

        SigningKey.GrantRead(Authorize);
        AnthropicKey.GrantRead(Message);

        tables.Grant(Authorize, tables.Customers, "GetItem");
        // Staff sign-in looks the member up; a console's connect and disconnect add and remove its console row.
        tables.Grant(Authorize, tables.Support, "GetItem");
        tables.Grant(Connect, tables.Connections, "PutItem");
        tables.Grant(Connect, tables.Support, "PutItem");
        tables.Grant(Disconnect, tables.Connections, "DeleteItem");
        tables.Grant(Disconnect, tables.Support, "DeleteItem");
        tables.Grant(Message, tables.Messages, "PutItem", "Query");
        tables.Grant(Message, tables.Customers, "GetItem", "PutItem");
        tables.Grant(Message, tables.ServiceLevels, "GetItem", "Scan");
        tables.Grant(Message, tables.Connections, "GetItem", "DeleteItem");
        // The rate limiter counts with UpdateItem; a request lock is a PutItem and its release a DeleteItem.
        tables.Grant(Message, tables.Guards, "UpdateItem", "PutItem", "DeleteItem");
        // Upgrade demand is counted with UpdateItem (ADD) after each reply; the staff report queries it day by day.
        tables.Grant(Message, tables.UpgradeDemand, "UpdateItem", "Query");
        // The support queue: entries are put and changed conditionally, the open ones and the consoles are queried.
        tables.Grant(Message, tables.Support, "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query");
        // Timers: set (PutItem), listed (Query on CustomerIndex), cancelled (UpdateItem).
        tables.Grant(Message, tables.Schedule, "PutItem", "Query", "UpdateItem");
        tables.Grant(Seed, tables.ServiceLevels, "GetItem", "PutItem");
        tables.Grant(Seed, tables.Customers, "PutItem");
        tables.Grant(Seed, tables.Support, "GetItem", "PutItem");
        tables.Grant(Http, tables.Customers, "Scan");
        tables.Grant(Http, tables.ServiceLevels, "Scan");
        // The due Query on DueIndex, claims and completions (UpdateItem), a routine's next occurrence (PutItem); the
        // device change, the bot message, the customer's open connections; the routines checked once per instance (Scan).
        tables.Grant(Schedule, tables.Schedule, "Query", "UpdateItem", "PutItem");
        tables.Grant(Schedule, tables.Customers, "GetItem", "PutItem", "Scan");
        tables.Grant(Schedule, tables.ServiceLevels, "GetItem", "Scan");
        tables.Grant(Schedule, tables.Messages, "PutItem");
        tables.Grant(Schedule, tables.Connections, "Query", "DeleteItem");
    }

    public Secret SigningKey { get; }

    /// <summary>The web origins whose pages the authorizer lets connect (ServiceBot:Auth:AllowedOrigins).</summary>
    public void AllowOrigins(IReadOnlyList<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        for (int i = 0; i < origins.Count; i++)
        {
            Authorize.AddEnvironment($"ServiceBot__Auth__AllowedOrigins__{i}", origins[i]);
        }
    }

    public ISecret AnthropicKey { get; }

    public Function Authorize { get; }

    public Function Connect { get; }

    public Function Disconnect { get; }

    public Function Message { get; }

    public Function Seed { get; }

    public Function Http { get; }

    public Function Schedule { get; }

    public IReadOnlyList<Function> All => [Authorize, Connect, Disconnect, Message, Seed, Http, Schedule];
}
