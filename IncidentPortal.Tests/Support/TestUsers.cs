namespace IncidentPortal.Tests.Support;

public static class TestUsers
{
    /// <summary>An email address no other test uses, e.g. "reporter-3f2a…@portal.test".</summary>
    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@portal.test";
}
