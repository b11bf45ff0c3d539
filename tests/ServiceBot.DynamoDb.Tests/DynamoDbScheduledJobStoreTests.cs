using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Scheduling;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The scheduled-job store contract on DynamoDB Local: the due query on DueIndex, claims by conditional update.</summary>
public sealed class DynamoDbScheduledJobStoreTests(DynamoDbLocal local) : ScheduledJobStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
    private readonly RecordingHttpClientFactory _requests = new();
    private readonly List<AmazonDynamoDBClient> _clients = [];
    private DynamoDbTables? _tables;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override async Task<IScheduledJobStore> OpenAsync()
    {
        _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("jobs"));
        AmazonDynamoDBClient client = NewClient();
        await new DynamoDbTableInitializer(client, _tables).InitializeAsync(Ct);
        return new DynamoDbScheduledJobStore(client, _tables);
    }

    /// <summary>Two Lambda instances, each with its own client (own connections), racing for the same due jobs.</summary>
    [Fact]
    public async Task Two_runners_on_two_clients_never_both_get_a_job_and_together_get_them_all()
    {
        var other = new DynamoDbScheduledJobStore(NewClient(), _tables!);
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < 12; i++)
        {
            Assert.True(await Jobs.TryAddAsync(Timer($"tmr_{customer}_{i}", customer, T0.AddSeconds(i)), Ct));
        }

        var won = new List<string>();
        for (int round = 0; round < 12 && won.Count < 12; round++)
        {
            // Small batches, so the two runners go over the same rows several times.
            IReadOnlyList<ClaimedJob>[] claims = await Task.WhenAll(
                Jobs.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 4, Ct),
                other.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 4, Ct));
            won.AddRange(claims.SelectMany(c => c).Where(c => c.Job.CustomerId == customer).Select(c => c.Job.Id));
        }

        Assert.Equal(12, won.Count);
        Assert.Equal(12, won.Distinct().Count());
    }

    [Fact]
    public async Task One_due_job_raced_for_by_two_clients_is_won_by_exactly_one_and_completed_by_that_one_only()
    {
        var other = new DynamoDbScheduledJobStore(NewClient(), _tables!);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
            await Jobs.TryAddAsync(Timer("tmr_" + customer, customer, T0), Ct);

            IReadOnlyList<ClaimedJob>[] claims = await Task.WhenAll(
                Jobs.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 25, Ct),
                other.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 25, Ct));

            ClaimedJob[] mine = [.. claims.SelectMany(c => c).Where(c => c.Job.CustomerId == customer)];
            ClaimedJob winner = Assert.Single(mine);
            IScheduledJobStore loser = claims[0].Contains(winner) ? other : Jobs;
            IScheduledJobStore holder = claims[0].Contains(winner) ? Jobs : other;
            Assert.False(await loser.CompleteAsync(winner with { ClaimId = "claim_someone_else" }, JobOutcome.Ran, T0, Ct));
            Assert.True(await holder.CompleteAsync(winner, JobOutcome.Ran, T0, Ct));
        }
    }

    [Fact]
    public async Task The_due_jobs_are_found_with_a_Query_on_DueIndex_never_a_Scan()
    {
        string customer = "cust_" + Guid.NewGuid().ToString("N")[..8];
        await Jobs.TryAddAsync(Timer("tmr_" + customer, customer, T0), Ct);
        _requests.Clear();

        ClaimedJob claim = Assert.Single(await Jobs.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 25, Ct), c => c.Job.CustomerId == customer);
        await Jobs.CompleteAsync(claim, JobOutcome.Ran, T0, Ct);
        await Jobs.NextDueAsync(Ct);
        await Jobs.ListPendingAsync(customer, Ct);

        (string Operation, string Body)[] sent = _requests.Sent;
        Assert.DoesNotContain(sent, r => r.Operation == "Scan");
        Assert.Equal(2, sent.Count(r => r.Operation == "Query" && r.Body.Contains("\"IndexName\":\"DueIndex\"", StringComparison.Ordinal)));
        Assert.Single(sent, r => r.Operation == "Query" && r.Body.Contains("\"IndexName\":\"CustomerIndex\"", StringComparison.Ordinal));
        Assert.Equal(["Query", "UpdateItem", "UpdateItem", "Query", "Query"], sent.Select(r => r.Operation));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_clients.Count > 0 && _tables is not null)
        {
            await Tables.DeleteAsync(_clients[0], _tables);
        }

        foreach (AmazonDynamoDBClient client in _clients)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
    }

    private AmazonDynamoDBClient NewClient()
    {
        AmazonDynamoDBClient client = local.CreateClient(c => c.HttpClientFactory = _requests);
        _clients.Add(client);
        return client;
    }

    private static ScheduledJob Timer(string id, string customer, DateTimeOffset due) => new()
    {
        Id = id,
        CustomerId = customer,
        ConversationId = "conv_" + customer,
        DueAt = due,
        Kind = ScheduledJobKind.Timer,
        Command = new DeviceCommand { Tool = ToolNames.SetPower, DeviceIds = ["dev_001"], Power = "off" },
        Description = "turn off the living room speaker",
        CreatedAt = due.AddMinutes(-10),
    };

    /// <summary>Gives the SDK an HttpClient that records each request's operation (the X-Amz-Target header) and body.</summary>
    private sealed class RecordingHttpClientFactory : HttpClientFactory
    {
        private readonly ConcurrentQueue<(string Operation, string Body)> _sent = new();

        public (string Operation, string Body)[] Sent => [.. _sent];

        public void Clear() => _sent.Clear();

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recording(this, new SocketsHttpHandler()));

        private sealed class Recording(RecordingHttpClientFactory owner, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string operation = request.Headers.TryGetValues("X-Amz-Target", out IEnumerable<string>? target) ? target.First().Split('.')[^1] : request.Method.Method;
                string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
                owner._sent.Enqueue((operation, body));
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
