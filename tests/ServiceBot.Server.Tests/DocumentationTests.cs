using System.Text.RegularExpressions;
using ServiceBot.Testing;

namespace ServiceBot.Server.Tests;

/// <summary>The protocol, the product rules and the settings are documented in the repository, and its links stay inside it.</summary>
public sealed partial class DocumentationTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string>();
        foreach (string path in new[] { "README.md", "frontend/README.md" }.Concat(Directory.GetFiles(RepositoryFolder.PathOf("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f))))
        {
            documents.Add(path);
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_link_of_a_document_names_a_file_of_the_repository(string document)
    {
        string root = RepositoryFolder.PathOf();
        string file = Path.Combine(root, document);
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(file)))
        {
            string target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.StartsWith("http://localhost", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.False(target.Contains("://", StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
            Assert.True(resolved.StartsWith(root, StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{document} links to {target}, which does not exist");
        }
    }

    [Theory]
    [InlineData("docs/protocol.md", "sendMessage", "clientMessageId", "rate_limited", "Origin")]
    [InlineData("docs/configuration.md", "ServiceBot__Auth__DemoSignIn", "ServiceBot__Auth__AllowedOrigins", "ServiceBot__RateLimit__ReadPermitLimit", "ServiceBot__DatabasePath")]
    [InlineData("docs/product.md", "basic", "premium", "enterprise", "UserIdIndex")]
    public void The_contract_is_written_down_in_the_repository(string document, params string[] terms)
    {
        string text = File.ReadAllText(RepositoryFolder.PathOf(document.Split('/')));

        Assert.All(terms, term => Assert.Contains(term, text, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
