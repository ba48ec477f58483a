using KennisHub.SqlCheck;
using YamlDotNet.RepresentationModel;

namespace KennisHub.Core.Tests.Infrastructure;

/// <summary>The hosted-runner workflow stays in step with the code: it runs the README's test command against SQL Server 2022.</summary>
public sealed class CiWorkflowTests
{
    [Fact]
    public void The_workflow_runs_the_test_script_with_a_SQL_Server_2022_service_under_the_fixture_variable()
    {
        var path = Path.Combine(SqlLiteralCollector.RepositoryRoot(), ".github", "workflows", "ci.yml");
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var job = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"])["test"];
        var service = (YamlMappingNode)((YamlMappingNode)job["services"])["sqlserver"];
        var env = (YamlMappingNode)job["env"];
        var runs = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();

        job["runs-on"].ToString().ShouldBe("ubuntu-latest");
        service["image"].ToString().ShouldStartWith("mcr.microsoft.com/mssql/server:2022");
        env.Children.Keys.Select(k => k.ToString()).ShouldContain(SqlServerFixture.ConnectionStringVariable);
        runs.ShouldContain("bash tools/test.sh");
    }
}
