namespace ServiceBot.Infrastructure.Tests;

/// <summary>The delivery pipeline in .github/workflows, checked by a workflow linter (action-validator, from npm) and read for its rules.</summary>
public sealed class WorkflowTests
{
    private static readonly string Workflow = File.ReadAllText(Repository.PathOf(".github", "workflows", "ci.yml"));

    [Fact]
    public async Task Every_workflow_passes_the_linter()
    {
        string linter = Repository.Tool("tests", "tools", "node_modules", ".bin", "action-validator");
        foreach (string file in Directory.GetFiles(Repository.PathOf(".github", "workflows"), "*.yml"))
        {
            (int code, string output) = await Repository.RunAsync(linter, [file], Repository.Root);
            Assert.True(code == 0, $"{Path.GetFileName(file)}: {output}");
        }
    }

    [Fact]
    public async Task The_linter_does_refuse_a_broken_workflow()
    {
        // So that a pass above means something: a misspelt key is caught.
        string broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, Workflow.Replace("runs-on: ubuntu-24.04\n    timeout-minutes: 30\n    steps:", "runs-on: ubuntu-24.04\n    timeout-minutes: 30\n    stepz:", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        try
        {
            (int code, _) = await Repository.RunAsync(Repository.Tool("tests", "tools", "node_modules", ".bin", "action-validator"), [broken], Repository.Root);
            Assert.NotEqual(0, code);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_push_runs_the_test_script()
    {
        Assert.Contains("branches: [\"**\"]", Workflow, StringComparison.Ordinal);
        Assert.Contains("run: ./test.sh", Job("test"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_deploys_from_main_and_prod_from_a_release_tag_behind_its_environment()
    {
        string dev = Job("deploy-dev");
        string prod = Job("deploy-prod");

        Assert.Contains("if: github.ref == 'refs/heads/main'", dev, StringComparison.Ordinal);
        Assert.Contains("cdk deploy -c environment=dev", dev, StringComparison.Ordinal);
        Assert.Contains("if: startsWith(github.ref, 'refs/tags/v')", prod, StringComparison.Ordinal);
        // The prod environment's required reviewers are the manual approval.
        Assert.Contains("name: prod", prod, StringComparison.Ordinal);
        Assert.Contains("cdk deploy -c environment=prod", prod, StringComparison.Ordinal);
        Assert.Contains("needs: package", prod, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploys_assume_a_role_through_OIDC_and_no_keys_are_stored()
    {
        foreach (string job in new[] { Job("deploy-dev"), Job("deploy-prod") })
        {
            Assert.Contains("id-token: write", job, StringComparison.Ordinal);
            Assert.Contains("aws-actions/configure-aws-credentials@v4", job, StringComparison.Ordinal);
            Assert.Contains("role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}", job, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("aws-access-key-id", Workflow, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secrets.AWS", Workflow, StringComparison.Ordinal);
        // Only the deploy jobs may ask for an identity token.
        Assert.DoesNotContain("id-token", Job("test"), StringComparison.Ordinal);
        Assert.DoesNotContain("id-token", Job("package"), StringComparison.Ordinal);
    }

    /// <summary>The text of one job: from its key to the next job's key.</summary>
    private static string Job(string name)
    {
        string[] lines = Workflow.Split('\n');
        int start = Array.FindIndex(lines, l => l == $"  {name}:");
        Assert.True(start >= 0, $"no job {name}");
        int end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.EndsWith(':'));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
