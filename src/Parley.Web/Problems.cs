using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Parley.Core;

namespace Parley.Web;

/// <summary>
/// Errors as RFC 9457 problem details carrying Parley's stable codes: <c>type</c> is <c>urn:parley:error:NAME</c>,
/// <c>title</c> the catalogue title, <c>code</c> the PRL code, <c>detail</c> what went wrong in this request.
/// </summary>
internal static class Problems
{
    public static ProblemDetails Create(ErrorDefinition error, int status, string detail, string? instance = null)
    {
        var problem = new ProblemDetails
        {
            Type = "urn:parley:error:" + error.Name,
            Title = error.Title,
            Status = status,
            Detail = detail,
            Instance = instance,
        };
        problem.Extensions["code"] = error.Code;
        return problem;
    }

    /// <summary>A problem result for an endpoint.</summary>
    public static IResult Result(ErrorDefinition error, int status, string detail) =>
        TypedResults.Problem(Create(error, status, detail));

    /// <summary>Writes a problem to a response that has not started: JSON for the API, an HTML page for the dashboard's pages.</summary>
    public static Task Write(HttpContext context, ErrorDefinition error, int status, string detail)
    {
        context.Response.StatusCode = status;
        if (IsPage(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var main = $"<h1>{Html.E(error.Title)}</h1><p>{Html.E(detail)}</p><p class=\"meta\">HTTP {status} · <code>{Html.E(error.Code)}</code></p><p><a href=\"/\">Back to the overview</a></p>";
            return context.Response.WriteAsync(Html.Page(error.Title, "", main), context.RequestAborted);
        }

        var problem = Create(error, status, detail, context.Request.Path);
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    /// <summary>A dashboard page (not the API, health, OpenAPI or an asset) asked for by a browser.</summary>
    private static bool IsPage(HttpRequest request) =>
        request.Method == HttpMethods.Get
        && !(request.Path.StartsWithSegments("/v1") || request.Path.StartsWithSegments("/health") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/assets"))
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The HTTP status of a Parley error raised while serving a request.</summary>
    public static int Status(ErrorDefinition error) => error.Code switch
    {
        "PRL2004" or "PRL2005" or "PRL2006" => StatusCodes.Status503ServiceUnavailable,
        "PRL3002" => StatusCodes.Status401Unauthorized,
        "PRL3004" => StatusCodes.Status404NotFound,
        "PRL1004" or "PRL3005" => StatusCodes.Status413PayloadTooLarge,
        "PRL3006" => StatusCodes.Status429TooManyRequests,
        "PRL3007" => StatusCodes.Status415UnsupportedMediaType,
        "PRL3001" or "PRL3003" => StatusCodes.Status400BadRequest,
        _ when error.Code.StartsWith("PRL1", StringComparison.Ordinal) => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The error handler: Parley errors keep their code; an oversized body is PRL3005; anything else is PRL9001 without internals.</summary>
    public static Task HandleException(HttpContext context)
    {
        var ex = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return ex switch
        {
            ParleyException p => Write(context, p.Diagnostic.Error, Status(p.Diagnostic.Error), p.Diagnostic.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Write(context, Errors.PayloadTooLarge, 413, "The request body is larger than the server accepts."),
            BadHttpRequestException b => Write(context, Errors.InvalidParameter, b.StatusCode, b.Message),
            _ => Internal(context, ex),
        };
    }

    private static Task Internal(HttpContext context, Exception? ex)
    {
        var logger = context.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory f ? f.CreateLogger("Parley.Web") : null;
        logger?.LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        return Write(context, Errors.Internal, 500, "An unexpected error occurred; it was logged on the server.");
    }

    /// <summary>Bodies for bare error statuses (an unknown route, a parameter that does not bind, a wrong method).</summary>
    public static Task HandleStatus(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var (error, detail) = context.Response.StatusCode switch
        {
            404 => (Errors.NotFound, $"Nothing is served at {context.Request.Path}."),
            405 => (Errors.InvalidParameter, $"{context.Request.Method} is not allowed on {context.Request.Path}."),
            401 => (Errors.Unauthorized, "A valid API key is required."),
            413 => (Errors.PayloadTooLarge, "The request body is larger than the server accepts."),
            415 => (Errors.UnsupportedMediaType, "The request's media type is not supported here."),
            429 => (Errors.RateLimited, "Too many requests; retry later."),
            _ => (Errors.InvalidParameter, "The request is malformed or a parameter has a value of the wrong type."),
        };
        return Write(context, error, context.Response.StatusCode, detail);
    }
}
