namespace IncidentPortal.Tests.Support;

/// <summary>
/// One app instance with <see cref="PortalFactory.Defaults"/> shared by the test classes that only add their own
/// uniquely named users and never depend on what else is in the database. Classes in the collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<SharedPortal>
{
    public const string Name = "Shared portal";
}

/// <summary>The fixture type of <see cref="PortalCollection"/> (xUnit wants a single public constructor).</summary>
public sealed class SharedPortal() : PortalFactory();
