namespace IncidentPortal.Features.Catalog;

public static class CatalogSetup
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CatalogService>();
        builder.Services.AddSingleton<ServiceCatalogAdminService>();
        builder.Services.AddSingleton<CategoryAdminService>();
        return builder;
    }
}
