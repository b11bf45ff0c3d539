using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ServiceBot.Lambda.Aws;

/// <summary>Where signed calls get their credentials: in Lambda, the execution role's keys from the environment.</summary>
internal interface IAwsCredentialSource
{
    ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The AWS SDK's default chain (environment, profile, container, instance), which also refreshes expiring keys.</summary>
internal sealed class DefaultAwsCredentialSource : IAwsCredentialSource
{
    private AWSCredentials? _credentials;

    public async ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        _credentials ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        return await _credentials.GetCredentialsAsync().ConfigureAwait(false);
    }
}
