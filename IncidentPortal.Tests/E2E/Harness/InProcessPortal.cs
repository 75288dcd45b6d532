using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// The app in the test process on a real Kestrel port, with the demo organisation. A browser drives it while the test
/// calls its services directly — for a step whose page another branch builds — and those services' events reach the
/// open pages, which the separate <see cref="PortalServer"/> process cannot offer.
/// </summary>
public sealed class InProcessPortal : PortalFactory, IAsyncLifetime
{
    public InProcessPortal() : base(new Dictionary<string, string?> { ["DemoData:Seed"] = "true" }) => UseKestrel(0);

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A demo person as the services see them (roles from the database, as sign-in gives).</summary>
    public Task<Actor> ActorAsync(string email) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    });
}
