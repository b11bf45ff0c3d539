using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Lambda.Events;

/// <summary>A CloudFormation custom resource request (field names as CloudFormation writes them).</summary>
internal sealed record CustomResourceEvent
{
    /// <summary><c>Create</c>, <c>Update</c> or <c>Delete</c>.</summary>
    public string? RequestType { get; init; }

    /// <summary>The pre-signed S3 URL the result must be PUT to; CloudFormation waits (up to an hour) until it is.</summary>
    [JsonPropertyName("ResponseURL")]
    public string? ResponseUrl { get; init; }

    public string? StackId { get; init; }

    public string? RequestId { get; init; }

    public string? ResourceType { get; init; }

    public string? LogicalResourceId { get; init; }

    /// <summary>Present on Update and Delete: the id the Create answered with.</summary>
    public string? PhysicalResourceId { get; init; }

    public Dictionary<string, JsonElement>? ResourceProperties { get; init; }

    public Dictionary<string, JsonElement>? OldResourceProperties { get; init; }
}

/// <summary>The result PUT to <c>ResponseURL</c>.</summary>
internal sealed record CustomResourceResponse
{
    /// <summary><c>SUCCESS</c> or <c>FAILED</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Shown in the stack's events; required when FAILED.</summary>
    public string? Reason { get; init; }

    public required string PhysicalResourceId { get; init; }

    public required string StackId { get; init; }

    public required string RequestId { get; init; }

    public required string LogicalResourceId { get; init; }

    public bool NoEcho { get; init; }

    public Dictionary<string, string>? Data { get; init; }
}
