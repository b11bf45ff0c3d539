using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using ServiceBot.DynamoDb;

namespace ServiceBot.Infrastructure.Tests;

[Collection(JsiiCollection.Name)]
public sealed class StackTests(SynthesizedStacks stacks) : IClassFixture<SynthesizedStacks>
{
    private static readonly string[] Handlers = ["authorize", "connect", "disconnect", "message", "seed", "http", "schedule"];

    /// <summary>The variables ServiceBot.Lambda reads its table names from, and the table each must name.</summary>
    private static readonly (string Name, string Table)[] Variables =
    [
        ("MESSAGES_TABLE", "messages"), ("CUSTOMERS_TABLE", "customers"), ("SERVICE_LEVELS_TABLE", "service-levels"),
        ("CONNECTIONS_TABLE", "connections"), ("GUARDS_TABLE", "guards"), ("SCHEDULE_TABLE", "schedule"), ("UPGRADE_DEMAND_TABLE", "upgrade-demand"),
        ("SUPPORT_TABLE", "support"),
    ];

    [Fact]
    public void The_tables_have_the_keys_and_indexes_the_DynamoDB_store_uses()
    {
        var expected = DynamoDbSchema.TableDefinitions(DynamoDbTables.FromPrefix("servicebot-dev")).ToDictionary(t => t.TableName);
        var tables = stacks.DevJson.Resources("AWS::DynamoDB::Table").Select(t => t.Resource.Properties()).ToArray();

        Assert.Equal(expected.Keys.Order(), tables.Select(t => t["TableName"].Text()!).Order());
        foreach (JsonObject table in tables)
        {
            var definition = expected[table["TableName"].Text()!];
            Assert.Equal("PAY_PER_REQUEST", table["BillingMode"].Text());
            Assert.Equal(definition.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"),
                table["KeySchema"]!.AsArray().Select(k => $"{k!["AttributeName"].Text()}:{k["KeyType"].Text()}"));
            var indexes = table["GlobalSecondaryIndexes"]?.AsArray().Select(i => i!.AsObject()).ToArray() ?? [];
            Assert.Equal((definition.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).Order(), indexes.Select(i => i["IndexName"].Text()!).Order());
            foreach (JsonObject index in indexes)
            {
                var want = definition.GlobalSecondaryIndexes!.Single(i => i.IndexName == index["IndexName"].Text());
                Assert.Equal(want.KeySchema.Select(k => k.AttributeName), index["KeySchema"]!.AsArray().Select(k => k!["AttributeName"].Text()));
                Assert.Equal("ALL", index["Projection"]!["ProjectionType"].Text());
            }
        }
    }

    [Theory]
    [InlineData("servicebot-dev-connections")]
    [InlineData("servicebot-dev-guards")]
    [InlineData("servicebot-dev-support")]
    public void Connections_and_guards_expire_through_the_ttl_attribute(string table)
    {
        stacks.Dev.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = table,
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "ttl", ["Enabled"] = true },
        });
    }

    [Fact]
    public void Prod_tables_are_kept_recoverable_and_encrypted_with_our_key_dev_tables_go_with_the_stack()
    {
        string key = Assert.Single(stacks.ProdJson.Resources("AWS::KMS::Key")).Id;
        Assert.Contains(stacks.ProdJson.Resources("AWS::DynamoDB::Table"), t => t.Resource.Properties()["TableName"].Text() == "servicebot-prod-guards");
        foreach ((_, JsonObject table) in stacks.ProdJson.Resources("AWS::DynamoDB::Table"))
        {
            Assert.Equal("Retain", table["DeletionPolicy"].Text());
            Assert.Equal("Retain", table["UpdateReplacePolicy"].Text());
            Assert.True(table.Properties()["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
            Assert.Equal("KMS", table.Properties()["SSESpecification"]!["SSEType"].Text());
            Assert.Equal(key, table.Properties()["SSESpecification"]!["KMSMasterKeyId"].Target());
        }

        Assert.Equal("Retain", Assert.Single(stacks.ProdJson.Resources("AWS::KMS::Key")).Resource["DeletionPolicy"].Text());
        Assert.Empty(stacks.DevJson.Resources("AWS::KMS::Key"));
        foreach ((_, JsonObject table) in stacks.DevJson.Resources("AWS::DynamoDB::Table"))
        {
            Assert.Equal("Delete", table["DeletionPolicy"].Text());
            Assert.NotEqual(true, table.Properties()["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.GetValue<bool>());
        }
    }

    [Fact]
    public void Each_handler_is_its_own_custom_runtime_function_of_the_one_package()
    {
        stacks.Dev.ResourcePropertiesCountIs("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Runtime"] = "provided.al2023" }), Handlers.Length);
        foreach (string handler in Handlers)
        {
            JsonObject function = stacks.DevJson.Function(handler).Resource.Properties();
            Assert.Equal(["x86_64"], function["Architectures"]!.AsArray().Select(a => a.Text()));
            JsonObject variables = function["Environment"]!["Variables"]!.AsObject();
            foreach ((string name, string table) in Variables)
            {
                Assert.Equal(Table(table), variables[name].Target());
            }
        }
    }

    [Fact]
    public void Every_function_runs_the_one_Native_AOT_package()
    {
        string Asset(string handler) => stacks.DevJson.Function(handler).Resource.Properties()["Code"]!["S3Key"].Text()!;

        Assert.Single(Handlers.Select(Asset).Distinct());
    }

    [Fact]
    public void Secrets_are_named_in_the_environment_never_given()
    {
        JsonObject message = stacks.DevJson.Function("message").Resource.Properties()["Environment"]!["Variables"]!.AsObject();
        JsonObject authorize = stacks.DevJson.Function("authorize").Resource.Properties()["Environment"]!["Variables"]!.AsObject();

        Assert.Equal("servicebot/dev/anthropic-api-key", message["ANTHROPIC_API_KEY_SECRET"].Text());
        Assert.NotNull(authorize["SIGNING_KEY_SECRET"]);
        foreach ((_, JsonObject function) in stacks.DevJson.Resources("AWS::Lambda::Function"))
        {
            JsonObject? variables = function.Properties()["Environment"]?["Variables"]?.AsObject();
            Assert.DoesNotContain(variables?.Select(v => v.Key) ?? [], k => k is "ANTHROPIC_API_KEY" || k.EndsWith("SigningKey", StringComparison.Ordinal));
        }

        // The signing key is generated by Secrets Manager at deploy time: no value in the template.
        JsonObject secret = Assert.Single(stacks.DevJson.Resources("AWS::SecretsManager::Secret")).Resource.Properties();
        Assert.Null(secret["SecretString"]);
        Assert.NotNull(secret["GenerateSecretString"]);
    }

    [Fact]
    public void The_authorizer_accepts_pages_of_the_site_only()
    {
        JsonObject variables = stacks.DevJson.Function("authorize").Resource.Properties()["Environment"]!["Variables"]!.AsObject();
        string origin = variables["ServiceBot__Auth__AllowedOrigins__0"]!.ToJsonString();
        (string distributionId, _) = Assert.Single(stacks.DevJson.Resources("AWS::CloudFront::Distribution"));

        Assert.Contains("https://", origin);
        Assert.Contains(distributionId, origin);
        Assert.Contains("DomainName", origin);
        Assert.Null(variables["ServiceBot__Auth__AllowedOrigins__1"]);
    }

    [Fact]
    public void Demo_sign_in_is_on_for_dev_and_off_for_prod()
    {
        Assert.Equal("true", stacks.DevJson.Function("authorize").Resource.Properties()["Environment"]!["Variables"]!["ServiceBot__Auth__DemoSignIn"].Text());
        Assert.Equal("false", stacks.ProdJson.Function("authorize").Resource.Properties()["Environment"]!["Variables"]!["ServiceBot__Auth__DemoSignIn"].Text());
    }

    [Fact]
    public void Every_function_may_touch_only_the_tables_and_actions_it_uses()
    {
        IEnumerable<string> Grants(string handler) => stacks.DevJson.Statements(handler)
            .Where(s => s.Actions().Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .SelectMany(s => s.Actions().Select(a => $"{(s["Resource"] is JsonArray r ? r[0].Target() : s["Resource"].Target())} {a}"))
            .Order();

        Assert.Equal(new[] { $"{Table("customers")} dynamodb:GetItem", $"{Table("support")} dynamodb:GetItem" }.Order(), Grants("authorize"));
        Assert.Equal(new[] { $"{Table("connections")} dynamodb:PutItem", $"{Table("support")} dynamodb:PutItem" }.Order(), Grants("connect"));
        Assert.Equal(new[] { $"{Table("connections")} dynamodb:DeleteItem", $"{Table("support")} dynamodb:DeleteItem" }.Order(), Grants("disconnect"));
        Assert.Equal(new[]
        {
            $"{Table("customers")} dynamodb:PutItem", $"{Table("service-levels")} dynamodb:GetItem", $"{Table("service-levels")} dynamodb:PutItem",
            $"{Table("support")} dynamodb:GetItem", $"{Table("support")} dynamodb:PutItem",
        }.Order(), Grants("seed"));
        // The support queue: the message function changes entries conditionally and queries the open ones and the consoles.
        Assert.Equal(
            new[] { "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem" }.Select(a => $"{Table("support")} dynamodb:{a}"),
            Grants("message").Where(g => g.StartsWith(Table("support"), StringComparison.Ordinal)));
        Assert.DoesNotContain(Grants("message"), g => g.StartsWith(Table("connections"), StringComparison.Ordinal) && g.EndsWith("PutItem", StringComparison.Ordinal));
        // The chat path's rate limiter and request locks: only the message function runs it.
        Assert.Equal(
            new[] { $"{Table("guards")} dynamodb:DeleteItem", $"{Table("guards")} dynamodb:PutItem", $"{Table("guards")} dynamodb:UpdateItem" },
            Grants("message").Where(g => g.StartsWith(Table("guards"), StringComparison.Ordinal)));
        Assert.DoesNotContain(Handlers.Where(h => h != "message").SelectMany(Grants), g => g.StartsWith(Table("guards"), StringComparison.Ordinal));
        // Upgrade demand: counted by the chat path, reported to staff through the same function; read by no Scan.
        Assert.Equal(
            new[] { $"{Table("upgrade-demand")} dynamodb:Query", $"{Table("upgrade-demand")} dynamodb:UpdateItem" },
            Grants("message").Where(g => g.StartsWith(Table("upgrade-demand"), StringComparison.Ordinal)));
        Assert.DoesNotContain(Handlers.Where(h => h != "message").SelectMany(Grants), g => g.StartsWith(Table("upgrade-demand"), StringComparison.Ordinal));
        foreach (string handler in Handlers)
        {
            Assert.DoesNotContain(stacks.DevJson.Statements(handler).SelectMany(s => s.Actions()), a => a.EndsWith(":*", StringComparison.Ordinal));
        }

        Assert.Contains(stacks.DevJson.Statements("message"), s => s.Actions().Contains("execute-api:ManageConnections"));
        Assert.Contains(stacks.DevJson.Statements("schedule"), s => s.Actions().Contains("execute-api:ManageConnections"));
        Assert.DoesNotContain(Handlers.Where(h => h is not ("message" or "schedule")).SelectMany(h => stacks.DevJson.Statements(h)), s => s.Actions().Contains("execute-api:ManageConnections"));

        // Timers: the message function sets, lists and cancels them; the schedule function finds the due ones with a
        // Query (never a Scan of the schedule), claims and completes them, and carries them out on the other tables.
        Assert.Equal(
            new[] { $"{Table("schedule")} dynamodb:PutItem", $"{Table("schedule")} dynamodb:Query", $"{Table("schedule")} dynamodb:UpdateItem" },
            Grants("message").Where(g => g.StartsWith(Table("schedule"), StringComparison.Ordinal)));
        Assert.Equal(new[]
        {
            $"{Table("connections")} dynamodb:DeleteItem", $"{Table("connections")} dynamodb:Query",
            $"{Table("customers")} dynamodb:GetItem", $"{Table("customers")} dynamodb:PutItem", $"{Table("customers")} dynamodb:Scan",
            $"{Table("messages")} dynamodb:PutItem",
            $"{Table("schedule")} dynamodb:PutItem", $"{Table("schedule")} dynamodb:Query", $"{Table("schedule")} dynamodb:UpdateItem",
            $"{Table("service-levels")} dynamodb:GetItem", $"{Table("service-levels")} dynamodb:Scan",
        }.Order(), Grants("schedule"));
        Assert.DoesNotContain(Handlers.Where(h => h is not ("message" or "schedule")).SelectMany(Grants), g => g.StartsWith(Table("schedule"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_websocket_api_routes_on_the_action_and_guards_connect_with_the_authorizer()
    {
        JsonObject api = stacks.DevJson.Resources("AWS::ApiGatewayV2::Api").Single(a => a.Resource.Properties()["ProtocolType"].Text() == "WEBSOCKET").Resource.Properties();
        var routes = stacks.DevJson.Resources("AWS::ApiGatewayV2::Route").Select(r => r.Resource.Properties()).Where(r => r["RouteKey"].Text() is { } k && !k.StartsWith("GET ", StringComparison.Ordinal)).ToArray();
        JsonObject authorizer = Assert.Single(stacks.DevJson.Resources("AWS::ApiGatewayV2::Authorizer")).Resource.Properties();

        Assert.Equal("$request.body.action", api["RouteSelectionExpression"].Text());
        Assert.Equal(
            new[]
            {
                "$connect", "$default", "$disconnect", "closeConversation", "getHistory", "getProfile", "getQueue", "getTranscript",
                "getUpgradeDemand", "handBack", "sendAgentMessage", "sendMessage", "takeConversation",
            },
            routes.Select(r => r["RouteKey"].Text()!).Order(StringComparer.Ordinal));
        JsonObject connect = routes.Single(r => r["RouteKey"].Text() == "$connect");
        Assert.Equal("CUSTOM", connect["AuthorizationType"].Text());
        Assert.All(routes.Where(r => r["RouteKey"].Text() != "$connect"), r => Assert.NotEqual("CUSTOM", r["AuthorizationType"].Text()));
        Assert.Equal("REQUEST", authorizer["AuthorizerType"].Text());
        // A customerId OR a token: an identity source would make API Gateway refuse the other kind before asking us.
        Assert.Empty(authorizer["IdentitySource"]!.AsArray());

        // The message routes (the customer's and the support console's) share one integration with the message function.
        var integrations = routes.Where(r => r["RouteKey"].Text() is not ("$connect" or "$disconnect"))
            .Select(r => r["Target"]!["Fn::Join"]![1]![1].Target()).Distinct().ToArray();
        string messageIntegration = Assert.Single(integrations)!;
        JsonObject integration = stacks.DevJson["Resources"]![messageIntegration]!["Properties"]!.AsObject();
        Assert.Contains(stacks.DevJson.Function("message").Id, integration["IntegrationUri"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stages_are_throttled()
    {
        stacks.Dev.HasResourceProperties("AWS::ApiGatewayV2::Stage", new Dictionary<string, object>
        {
            ["StageName"] = "dev",
            ["DefaultRouteSettings"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 50, ["ThrottlingBurstLimit"] = 100 },
        });
        stacks.Prod.HasResourceProperties("AWS::ApiGatewayV2::Stage", new Dictionary<string, object>
        {
            ["StageName"] = "prod",
            ["DefaultRouteSettings"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 500, ["ThrottlingBurstLimit"] = 1000 },
        });
    }

    [Fact]
    public void Logs_are_kept_a_week_in_dev_and_three_months_in_prod()
    {
        stacks.Dev.ResourcePropertiesCountIs("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 7 }, Handlers.Length);
        stacks.Prod.ResourcePropertiesCountIs("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 90 }, Handlers.Length);
    }

    [Fact]
    public void Alarms_watch_errors_throttles_and_latency_of_every_function_and_the_api_on_a_dashboard()
    {
        var alarms = stacks.DevJson.Resources("AWS::CloudWatch::Alarm").Select(a => a.Resource.Properties()).ToArray();

        foreach (string metric in new[] { "Errors", "Throttles", "Duration" })
        {
            Assert.Equal(Handlers.Length, alarms.Count(a => a["Namespace"].Text() == "AWS/Lambda" && a["MetricName"].Text() == metric));
        }

        Assert.Contains(alarms, a => a["Namespace"].Text() == "AWS/ApiGateway" && a["MetricName"].Text() == "IntegrationLatency");
        Assert.Contains(alarms, a => a["Namespace"].Text() == "AWS/ApiGateway" && a["MetricName"].Text() == "ExecutionError");
        Assert.All(alarms, a => Assert.NotEmpty(a["AlarmActions"]!.AsArray()));
        stacks.Dev.ResourceCountIs("AWS::CloudWatch::Dashboard", 1);
        stacks.Prod.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object> { ["Protocol"] = "email", ["Endpoint"] = "ops@example.com" });
    }

    [Fact]
    public void The_site_is_a_private_bucket_behind_CloudFront_which_also_forwards_api_and_ws()
    {
        stacks.Dev.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
        });
        JsonObject distribution = Assert.Single(stacks.DevJson.Resources("AWS::CloudFront::Distribution")).Resource.Properties()["DistributionConfig"]!.AsObject();
        Assert.Equal("index.html", distribution["DefaultRootObject"].Text());
        Assert.Equal(["/api/*", "/ws"], distribution["CacheBehaviors"]!.AsArray().Select(b => b!["PathPattern"].Text()));
        Assert.Equal("redirect-to-https", distribution["DefaultCacheBehavior"]!["ViewerProtocolPolicy"].Text());
        Assert.Single(stacks.DevJson.Resources("AWS::CloudFront::OriginAccessControl"));
        stacks.Dev.ResourceCountIs("Custom::CDKBucketDeployment", 1);
    }

    [Fact]
    public void The_http_routes_allow_no_other_origin_unless_one_is_listed()
    {
        JsonObject Http(JsonObject template) => template.Resources("AWS::ApiGatewayV2::Api").Single(a => a.Resource.Properties()["ProtocolType"].Text() == "HTTP").Resource.Properties();

        Assert.Null(Http(stacks.DevJson)["CorsConfiguration"]);
        Assert.Equal(["http://localhost:5173"], Http(stacks.ProdJson)["CorsConfiguration"]!["AllowOrigins"]!.AsArray().Select(o => o.Text()));
        Assert.Equal(new[] { "GET /api/customers", "GET /api/service-levels" },
            stacks.DevJson.Resources("AWS::ApiGatewayV2::Route").Select(r => r.Resource.Properties()["RouteKey"].Text()!).Where(k => k.StartsWith("GET ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_seed_runs_as_a_custom_resource_of_the_seed_function_after_the_tables_exist()
    {
        (string id, JsonObject seed) = Assert.Single(stacks.DevJson.Resources("Custom::ServiceBotSeed"));

        Assert.Equal(stacks.DevJson.Function("seed").Id, seed.Properties()["ServiceToken"].Target());
        Assert.Equal("abc123", seed.Properties()["SeedVersion"].Text());
        string[] dependsOn = seed["DependsOn"]!.AsArray().Select(d => d.Text()!).ToArray();
        Assert.All(stacks.DevJson.Resources("AWS::DynamoDB::Table"), t => Assert.Contains(t.Id, dependsOn));
        Assert.NotNull(id);
    }

    [Fact]
    public void The_outputs_give_the_websocket_and_site_urls()
    {
        stacks.Dev.HasOutput("WebSocketUrl", new Dictionary<string, object>());
        stacks.Dev.HasOutput("SiteUrl", new Dictionary<string, object>());
        string url = stacks.DevJson["Outputs"]!["WebSocketUrl"]!["Value"]!.ToJsonString();
        Assert.Contains("wss://", url, StringComparison.Ordinal);
        Assert.Contains("/dev", url, StringComparison.Ordinal);
    }

    [Fact]
    public void An_EventBridge_rule_invokes_the_schedule_function_every_minute_and_may_do_nothing_else()
    {
        (string ruleId, JsonObject rule) = Assert.Single(stacks.DevJson.Resources("AWS::Events::Rule"));
        string schedule = stacks.DevJson.Function("schedule").Id;
        JsonObject properties = rule.Properties();
        JsonObject target = Assert.Single(properties["Targets"]!.AsArray())!.AsObject();
        JsonObject permission = Assert.Single(stacks.DevJson.Resources("AWS::Lambda::Permission"),
            p => p.Resource.Properties()["Principal"].Text() == "events.amazonaws.com").Resource.Properties();

        Assert.Equal("rate(1 minute)", properties["ScheduleExpression"].Text());
        Assert.Equal("ENABLED", properties["State"].Text());
        Assert.Equal(schedule, target["Arn"].Target());
        // A missed minute is not retried: the next run takes what this one left.
        Assert.Equal(0, target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>());
        Assert.Equal("lambda:InvokeFunction", permission["Action"].Text());
        Assert.Equal(schedule, permission["FunctionName"].Target());
        Assert.Equal(ruleId, permission["SourceArn"].Target());
    }

    [Fact]
    public void The_schedule_function_posts_to_the_stage_it_is_given_and_ends_before_a_claim_lapses()
    {
        JsonObject function = stacks.DevJson.Function("schedule").Resource.Properties();
        string endpoint = function["Environment"]!["Variables"]!["ServiceBot__Gateway__ManagementEndpoint"]!.ToJsonString();
        (string api, _) = stacks.DevJson.Resources("AWS::ApiGatewayV2::Api").Single(a => a.Resource.Properties()["ProtocolType"].Text() == "WEBSOCKET");
        JsonObject manage = Assert.Single(stacks.DevJson.Statements("schedule"), s => s.Actions().Contains("execute-api:ManageConnections"));

        Assert.Contains("https://", endpoint, StringComparison.Ordinal);
        Assert.Contains(api, endpoint, StringComparison.Ordinal);
        Assert.Contains("/dev", endpoint, StringComparison.Ordinal);
        // Only this stage's @connections, not the whole API.
        Assert.Contains("/dev/*/@connections/*", manage["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.InRange(function["Timeout"]!.GetValue<int>(), 1, (int)ServiceBot.Core.Scheduling.SchedulingOptions.Lease.TotalSeconds - 1);
    }

    /// <summary>The logical id of the dev table <c>servicebot-dev-{name}</c>.</summary>
    private string Table(string name) =>
        stacks.DevJson.Resources("AWS::DynamoDB::Table").Single(t => t.Resource.Properties()["TableName"].Text() == $"servicebot-dev-{name}").Id;
}
