using System.Text.Json;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Tests.StandIns;

namespace ServiceBot.Lambda.Tests;

/// <summary>The event types read AWS's example documents; the responses have the shapes AWS reads.</summary>
public sealed class EventJsonTests
{
    [Fact]
    public void A_connect_event_gives_the_connection_the_endpoint_and_the_authorizer_context()
    {
        WebSocketEvent e = JsonSerializer.Deserialize(EventJson.Example("websocket-connect.json"), LambdaJson.Default.WebSocketEvent)!;

        Assert.Equal("$connect", e.RequestContext!.RouteKey);
        Assert.Equal("CONNECT", e.RequestContext.EventType);
        Assert.Equal("XtTlvcV4IAMCFIA=", e.RequestContext.ConnectionId);
        Assert.Equal("abcdef123.execute-api.us-east-1.amazonaws.com", e.RequestContext.DomainName);
        Assert.Equal("dev", e.RequestContext.Stage);
        Assert.Equal("cust_002", e.RequestContext.AuthorizerValue("customerId"));
        Assert.Equal("cust_002", e.QueryStringParameters!["customerId"]);
    }

    [Fact]
    public void A_message_event_carries_the_frame_as_text()
    {
        WebSocketEvent e = JsonSerializer.Deserialize(EventJson.Example("websocket-message.json"), LambdaJson.Default.WebSocketEvent)!;

        Assert.Equal("sendMessage", e.RequestContext!.RouteKey);
        Assert.Equal("MESSAGE", e.RequestContext.EventType);
        Assert.False(e.IsBase64Encoded);
        Assert.Equal("sendMessage", JsonDocument.Parse(e.Body!).RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public void A_disconnect_event_names_the_connection()
    {
        WebSocketEvent e = JsonSerializer.Deserialize(EventJson.Example("websocket-disconnect.json"), LambdaJson.Default.WebSocketEvent)!;

        Assert.Equal("DISCONNECT", e.RequestContext!.EventType);
        Assert.Equal("XtTlvcV4IAMCFIA=", e.RequestContext.ConnectionId);
    }

    [Fact]
    public void An_authorizer_event_gives_the_query_string_and_the_method_arn()
    {
        AuthorizerEvent e = JsonSerializer.Deserialize(EventJson.Example("authorizer-request.json"), LambdaJson.Default.AuthorizerEvent)!;

        Assert.Equal("REQUEST", e.Type);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/$connect", e.MethodArn);
        Assert.Equal("cust_001", e.Query("customerId"));
        Assert.Null(e.Query("token"));
    }

    [Fact]
    public void An_allow_policy_names_the_principal_the_invoke_action_the_method_and_the_customer_in_the_context()
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(AuthorizerResponse.Allow("cust_001", "arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/$connect"),
            LambdaJson.Default.AuthorizerResponse);
        JsonElement policy = JsonDocument.Parse(json).RootElement;

        Assert.Equal("cust_001", policy.GetProperty("principalId").GetString());
        Assert.Equal("2012-10-17", policy.GetProperty("policyDocument").GetProperty("Version").GetString());
        JsonElement statement = policy.GetProperty("policyDocument").GetProperty("Statement")[0];
        Assert.Equal("execute-api:Invoke", statement.GetProperty("Action").GetString());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/$connect", statement.GetProperty("Resource").GetString());
        Assert.Equal("cust_001", policy.GetProperty("context").GetProperty("customerId").GetString());
    }

    [Fact]
    public void A_custom_resource_event_keeps_cloudformation_names_and_its_answer_too()
    {
        CustomResourceEvent e = JsonSerializer.Deserialize(EventJson.Example("cloudformation-create.json"), CloudFormationJson.Default.CustomResourceEvent)!;
        byte[] answer = JsonSerializer.SerializeToUtf8Bytes(new CustomResourceResponse
        {
            Status = "SUCCESS",
            PhysicalResourceId = "servicebot-seed",
            StackId = e.StackId!,
            RequestId = e.RequestId!,
            LogicalResourceId = e.LogicalResourceId!,
        }, CloudFormationJson.Default.CustomResourceResponse);
        JsonElement json = JsonDocument.Parse(answer).RootElement;

        Assert.Equal("Create", e.RequestType);
        Assert.StartsWith("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/", e.ResponseUrl);
        Assert.Equal("Seed", e.LogicalResourceId);
        Assert.Equal("3f2a9c1d0e8b7a65", e.ResourceProperties!["SeedVersion"].GetString());
        Assert.Equal("SUCCESS", json.GetProperty("Status").GetString());
        Assert.Equal(e.RequestId, json.GetProperty("RequestId").GetString());
        Assert.Equal(e.StackId, json.GetProperty("StackId").GetString());
        Assert.Equal("servicebot-seed", json.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public void An_http_api_event_gives_method_and_path()
    {
        HttpApiEvent e = JsonSerializer.Deserialize(EventJson.Example("http-api-get.json"), LambdaJson.Default.HttpApiEvent)!;

        Assert.Equal("/api/customers", e.RawPath);
        Assert.Equal("GET", e.RequestContext!.Http!.Method);
    }

    [Fact]
    public void An_EventBridge_scheduled_event_gives_its_detail_type_source_and_time()
    {
        ScheduledEvent e = JsonSerializer.Deserialize(EventJson.Example("eventbridge-scheduled.json"), LambdaJson.Default.ScheduledEvent)!;

        Assert.Equal("Scheduled Event", e.DetailType);
        Assert.Equal("aws.events", e.Source);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 16, 53, 0, TimeSpan.Zero), e.Time);
        Assert.StartsWith("arn:aws:events:us-east-1:123456789012:rule/", Assert.Single(e.Resources!), StringComparison.Ordinal);
    }
}
