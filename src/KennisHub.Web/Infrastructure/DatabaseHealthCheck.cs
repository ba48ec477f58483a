using Dapper;
using KennisHub.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KennisHub.Web.Infrastructure;

/// <summary>/health answers 200 only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("De database antwoordt niet.", exception);
        }
    }
}
