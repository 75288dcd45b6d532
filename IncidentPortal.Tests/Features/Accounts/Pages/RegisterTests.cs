using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Accounts.Pages;

/// <summary>Self-registration through the real /Account/Register form.</summary>
[Collection(PortalCollection.Name)]
public class RegisterTests(SharedPortal portal)
{
    public static Dictionary<string, string> Form(string email, string password = PortalFactory.Password,
        string? confirm = null, string name = "  Casey Reporter ") => new()
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        };

    [Fact]
    public async Task Registering_creates_a_Reporter_only_and_signs_them_in()
    {
        var email = TestUsers.UniqueEmail("casey");
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/Register", "register", Form(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.LocationPathAndQuery());
        Assert.Contains(PortalClient.AuthCookie, response.SetCookieNames());
        var (user, roles) = await portal.WithUsersAsync(async users =>
        {
            var found = await users.FindByEmailAsync(email);
            return (found, found is null ? [] : await users.GetRolesAsync(found));
        });
        Assert.NotNull(user);
        Assert.Equal("Casey Reporter", user.DisplayName);
        Assert.Equal([Roles.Reporter], roles);

        // The cookie really is a session: the start page no longer sends the user to sign in.
        using var home = await client.GetAsync("/");
        Assert.DoesNotContain("/Account/Login", home.LocationPathAndQuery() ?? "");
    }

    [Theory]
    [InlineData("mismatch", "Input.ConfirmPassword", "The two passwords do not match.")]
    [InlineData("bad-email", "Input.Email", "Enter a valid email address.")]
    public async Task Invalid_input_shows_the_field_message_and_creates_no_user(string problem, string field, string message)
    {
        var email = TestUsers.UniqueEmail("invalid");
        var form = problem == "mismatch"
            ? Form(email, confirm: "Different!Pass1")
            : Form(email.Replace("@", " at "));
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/Register", "register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], (await Html.ParseAsync(response)).FieldMessages(field));
        Assert.DoesNotContain(PortalClient.AuthCookie, response.SetCookieNames());
        Assert.Null(await portal.WithUsersAsync(users => users.FindByEmailAsync(form["Input.Email"])));
    }
}
