namespace IncidentPortal.Features.Api.Docs;

/// <summary>The API as the docs page shows it, read from the OpenAPI document by <see cref="OpenApiReader"/>.</summary>
public sealed record ApiReference(string Title, string? Description, IReadOnlyList<ApiTagGroup> Groups, IReadOnlyDictionary<string, ApiSchemaInfo> Schemas)
{
    public int OperationCount => Groups.Sum(g => g.Operations.Count);
}

public sealed record ApiTagGroup(string Tag, IReadOnlyList<ApiOperationInfo> Operations);

/// <param name="Id">The operationId, or method and path when there is none: unique, usable in an element id.</param>
public sealed record ApiOperationInfo(string Id, string Method, string Path, string Summary, string? Description,
    IReadOnlyList<ApiParameterInfo> Parameters, string? RequestSchema, IReadOnlyList<ApiResponseInfo> Responses)
{
    public bool CanTry => Method == "GET";
}

/// <param name="In">path, query or header.</param>
/// <param name="Type">Readable: "integer", "string", "IncidentStatus[]".</param>
/// <param name="Values">The allowed values when the type is an enum.</param>
public sealed record ApiParameterInfo(string Name, string In, bool Required, string Type, IReadOnlyList<string> Values, string? Description);

public sealed record ApiResponseInfo(string Status, string Description, string? Schema);

public sealed record ApiSchemaInfo(string Name, IReadOnlyList<ApiFieldInfo> Fields, IReadOnlyList<string> Values);

public sealed record ApiFieldInfo(string Name, string Type, bool Required, bool Nullable, string? Description);
