using System.Buffers.Binary;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Tests.Infrastructure.Auth;

/// <summary>Password hashes use PBKDF2 with at least OWASP's 210,000 rounds.</summary>
[Collection(PortalCollection.Name)]
public class PasswordHashingTests(SharedPortal portal)
{
    private const int MinimumIterations = 210_000;

    [Fact]
    public void The_hasher_is_configured_for_at_least_210000_iterations()
    {
        var options = portal.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.True(options.IterationCount >= MinimumIterations, $"IterationCount is {options.IterationCount}.");
    }

    [Fact]
    public async Task A_stored_hash_is_Identity_v3_PBKDF2_HMACSHA512_with_at_least_210000_iterations()
    {
        var email = TestUsers.UniqueEmail("hashed");
        var user = await portal.CreateUserAsync(email, Roles.Reporter);
        var stored = await portal.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.PasswordHash);

        // Identity v3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length (uint32 BE), salt, subkey.
        var hash = Convert.FromBase64String(stored!);

        Assert.Equal(0x01, hash[0]);
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
        Assert.True(iterations >= MinimumIterations, $"The stored hash uses {iterations} iterations.");
    }
}
