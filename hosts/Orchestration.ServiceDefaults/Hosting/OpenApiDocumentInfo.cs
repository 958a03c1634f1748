using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>Title, description and the two ways to authenticate, so that the API reference can send authorized requests.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Orchestration API";
        document.Info.Description =
            "Referrals between financial aid, Jobbtorg and district interventions. Sign in at POST /elsa/api/identity/login " +
            "and send the access token as a bearer token, or send an API key as 'Authorization: ApiKey <key>' or 'X-Api-Key'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from POST /elsa/api/identity/login.",
        };
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "An API key made by an Admin (POST /api/access/api-keys).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
