using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Parley.Core;

namespace Parley.Web;

/// <summary>
/// What the generated OpenAPI document cannot know by itself: the API key security schemes (<c>Authorization: Bearer KEY</c>
/// or <c>X-Api-Key: KEY</c>) required by every write, and, for each error status, the problem details body with its PRL
/// codes (a <c>code</c> property on the <c>ProblemDetails</c> schema, and each error response described with its codes).
/// </summary>
internal static class OpenApiConventions
{
    /// <summary>The name of the bearer scheme in <c>components.securitySchemes</c>.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The name of the header scheme in <c>components.securitySchemes</c>.</summary>
    public const string HeaderScheme = "apiKey";

    /// <summary>The PRL codes each error status carries, with when.</summary>
    internal static IReadOnlyDictionary<string, (string Codes, string When)> ErrorStatuses { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["400"] = (Errors.InvalidParameter.Code, "a parameter is malformed or out of range"),
        ["401"] = (Errors.Unauthorized.Code, "a write without a valid API key (none, malformed, unknown or revoked); with WWW-Authenticate: Bearer"),
        ["404"] = (Errors.NotFound.Code, "no such document, event or route"),
        ["413"] = (Errors.PayloadTooLarge.Code, "the body is larger than the server accepts (--max-body)"),
        ["415"] = (Errors.UnsupportedMediaType.Code, "the body's media type is not one the readers take"),
        ["422"] = ("PRL1xxx", "the upload yields no document (empty, binary, not English, invalid JSONL…); the reader's code"),
        ["429"] = (Errors.RateLimited.Code, "too many requests from this address; see Retry-After"),
        ["500"] = (Errors.Internal.Code, "an unexpected error (logged on the server)"),
        ["503"] = ("PRL2004, PRL2005, PRL2006", "the store or a model file is unavailable"),
    };

    /// <summary>Adds the security schemes, the write operations' requirements, the <c>code</c> of problems and the error descriptions.</summary>
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Parley API";
        document.Info.Version = "v1";
        document.Info.Description = "Diplomatic event data: documents, PLOVER/CAMEO events with actors and evidence, dyads, calendar. "
            + "Errors are RFC 9457 problem details (application/problem+json) with the stable PRL code in `code` (see `parley errors`). "
            + "Reads are open; writes need an API key made with `parley keys create`, sent as `Authorization: Bearer KEY` or `X-Api-Key: KEY`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "prl_<key id>_<secret>",
            Description = "An API key made with `parley keys create NAME` (printed once; the store keeps only its SHA-256), as `Authorization: Bearer KEY`.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The same API key in the X-Api-Key header.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.TryGetValue("ProblemDetails", out var problem) || problem is not OpenApiSchema problemSchema)
        {
            problemSchema = new OpenApiSchema { Type = JsonSchemaType.Object };
            document.Components.Schemas["ProblemDetails"] = problemSchema;
        }

        problemSchema.Description = "An RFC 9457 problem: `type` is urn:parley:error:NAME, `title` the catalogue's title, `detail` what went wrong in this request, `code` the stable PRL code.";
        problemSchema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        problemSchema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = "^PRL[0-9]{4}$",
            Description = "The stable error code of `parley errors` (PRL1xxx input, PRL2xxx resources, PRL3xxx usage and HTTP, PRL9xxx bugs).",
        };

        foreach (var path in document.Paths)
        {
            foreach (var (method, operation) in path.Value.Operations ?? [])
            {
                if (method != HttpMethod.Get && method != HttpMethod.Head)
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
                    ];
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (ErrorStatuses.TryGetValue(status, out var error) && response is OpenApiResponse r)
                    {
                        r.Description = $"Problem details with code {error.Codes}: {error.When}.";
                    }
                }
            }
        }

        return Task.CompletedTask;
    }
}
