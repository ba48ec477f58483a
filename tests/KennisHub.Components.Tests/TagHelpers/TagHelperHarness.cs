using System.Globalization;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Components.Tests.TagHelpers;

/// <summary>
/// Runs a tag helper the way a Razor page does, on MVC's real services (HTML generator, model metadata with
/// DataAnnotations, model state), and parses what it wrote, so tests read roles, names and ARIA attributes.
/// </summary>
internal sealed class TagHelperHarness<TModel>
{
    private readonly ServiceProvider services;

    public TagHelperHarness(TModel model)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        var collection = new ServiceCollection().AddLogging().AddLocalization();
        var diagnostics = new System.Diagnostics.DiagnosticListener("KennisHub.Components.Tests");
        collection.AddSingleton(diagnostics).AddSingleton<System.Diagnostics.DiagnosticSource>(diagnostics);
        services = collection.AddMvc().Services.BuildServiceProvider();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor(), ModelState);
        var viewData = new ViewDataDictionary<TModel>(services.GetRequiredService<IModelMetadataProvider>(), ModelState) { Model = model };
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(httpContext);
        ViewContext = new ViewContext(actionContext, new NoView(), viewData, tempData, TextWriter.Null, new HtmlHelperOptions());
    }

    public ModelStateDictionary ModelState { get; } = new();

    public ViewContext ViewContext { get; }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public ModelExpression For<TValue>(System.Linq.Expressions.Expression<Func<TModel, TValue>> expression) =>
        Get<ModelExpressionProvider>().CreateModelExpression((ViewDataDictionary<TModel>)ViewContext.ViewData, expression);

    /// <summary>Runs the tag helper; returns the root element it wrote, or null when it wrote nothing.</summary>
    public static IElement? Run(TagHelper tagHelper, string tagName)
    {
        var context = new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput(tagName, new TagHelperAttributeList(), (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        tagHelper.Process(context, output);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        return html.Length == 0 ? null : new HtmlParser().ParseDocument("<body>" + html).Body!.FirstElementChild;
    }

    private sealed class NoView : IView
    {
        public string Path => "test";

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }
}
