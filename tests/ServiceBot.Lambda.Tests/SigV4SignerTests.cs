using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using ServiceBot.Lambda.Aws;

namespace ServiceBot.Lambda.Tests;

/// <summary>Our canonical request plus AWSSDK.Core's signature, against AWS's published SigV4 test suite.</summary>
public sealed class SigV4SignerTests
{
    private static readonly ImmutableCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string Scope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")] // get-vanilla
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    public void Requests_without_a_body_sign_as_the_test_suite_says(string method, string url, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        SigV4Signer.Sign(request, [], "us-east-1", "service", Suite, SuiteTime);

        Assert.Equal(Scope + "SignedHeaders=host;x-amz-date, Signature=" + signature, Authorization(request));
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("x-amz-date").Single());
    }

    [Fact]
    public void A_form_post_signs_its_content_type_and_body_as_the_test_suite_says()
    {
        byte[] body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        SigV4Signer.Sign(request, body, "us-east-1", "service", Suite, SuiteTime);

        Assert.Equal(Scope + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            Authorization(request));
    }

    [Fact]
    public void Temporary_credentials_send_and_sign_their_session_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://abc.execute-api.eu-west-1.amazonaws.com/dev/%40connections/L0SM9cOFvHcCIhw%3D");

        SigV4Signer.Sign(request, "{}"u8, "eu-west-1", "execute-api", new ImmutableCredentials("ASIAEXAMPLE", "secret", "the-session-token"), SuiteTime);

        Assert.Equal("the-session-token", request.Headers.GetValues("x-amz-security-token").Single());
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=",
            Authorization(request));
    }

    [Fact]
    public void The_connections_path_is_signed_doubly_encoded_as_every_service_but_S3_expects()
    {
        // API Gateway ids end in '=' and the route has '@': sent escaped, signed escaped once more.
        Assert.Equal("/dev/%2540connections/L0SM9cOFvHcCIhw%253D", SigV4Signer.CanonicalPath("/dev/%40connections/L0SM9cOFvHcCIhw%3D"));
        Assert.Equal("/", SigV4Signer.CanonicalPath("/"));
    }

    private static string Authorization(HttpRequestMessage request) => request.Headers.GetValues("Authorization").Single();
}
