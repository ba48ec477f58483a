using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// A page renders for any method that has no handler (Razor Pages' fallback), so PUT, DELETE or PATCH with a valid
/// token used to show the page as if it were a GET. Every method other than GET and HEAD now needs a handler on that
/// page; anything else answers 405 with an Allow header listing what the page does handle. A re-executed error page
/// is exempt: it runs with the original method to show the Dutch text for that very status.
/// </summary>
public sealed class MethodNotAllowedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            await next();
            return;
        }

        context.HttpContext.Response.Headers.Allow = AllowedMethods(context);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>GET and HEAD (a page always renders), then each method the page has a handler for.</summary>
    public static string AllowedMethods(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handled = context.ActionDescriptor.HandlerMethods
            .Select(h => h.HttpMethod.ToUpperInvariant())
            .Where(m => m is not ("GET" or "HEAD"))
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join(", ", new[] { "GET", "HEAD" }.Concat(handled));
    }
}
