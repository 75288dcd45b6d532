namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// All browser tests share one running portal and one Chromium, and run one after another: the reconnect test stops
/// and restarts the server, which no other test may see.
/// </summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "E2E";
}
