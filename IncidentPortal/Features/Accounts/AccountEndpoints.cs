using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IncidentPortal.Features.Accounts;

/// <summary>The account actions that are plain HTTP posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        account.MapPost("/Logout", async ([FromServices] SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        account.MapPost("/Manage/DownloadPersonalData", async (HttpContext context, [FromServices] UserManager<ApplicationUser> users) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.NotFound();
            var data = typeof(ApplicationUser).GetProperties()
                .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
                .ToDictionary(p => p.Name, p => p.GetValue(user)?.ToString() ?? "");
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data), "application/json", "PersonalData.json");
        }).RequireAuthorization();

        return endpoints;
    }
}
