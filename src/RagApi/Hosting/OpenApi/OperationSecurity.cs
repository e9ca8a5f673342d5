using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RagApi.Hosting.OpenApi;

/// <summary>
/// An operation's security requirements, read from its endpoint's authorization metadata: each authentication scheme
/// of the policies it requires, as the OpenAPI schemes a client may use for it (any one of them will do).
/// </summary>
internal sealed class OperationSecurity(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        if (authorizeData.Count == 0 || await AuthorizationPolicy.CombineAsync(policies, authorizeData) is not { } policy) return;
        foreach (var authenticationScheme in policy.AuthenticationSchemes)
            foreach (var name in ApiSecuritySchemes.For(authenticationScheme).Keys)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, context.Document)] = [] });
            }
    }
}
