using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>Puts a named rate-limiting policy on pages by their name, so the pages themselves need no attribute.</summary>
public sealed class RateLimitedPagesConvention(IReadOnlyDictionary<string, string> policyByPage) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (policyByPage.TryGetValue(model.ViewEnginePath, out var policy))
        {
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
        }
    }
}
