using IncidentPortal.Features.Api.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IncidentPortal.Features.Api.Docs;

/// <summary>
/// The OpenAPI document the docs page shows: the very document served at /openapi/v1.json, taken from the same
/// generator in-process (a circuit has no HTTP request of its own to fetch it with), read once and kept.
/// </summary>
public sealed class ApiDocsSource(IServiceProvider services) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ApiReference? cached;

    public async Task<ApiReference> GetAsync(CancellationToken ct = default)
    {
        if (cached is not null) return cached;
        await gate.WaitAsync(ct);
        try
        {
            if (cached is not null) return cached;
            var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name);
            var document = await provider.GetOpenApiDocumentAsync(ct);
            return cached = OpenApiReader.Read(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct));
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
