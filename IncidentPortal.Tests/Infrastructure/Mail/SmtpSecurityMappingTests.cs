using IncidentPortal.Infrastructure.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace IncidentPortal.Tests.Infrastructure.Mail;

/// <summary>Which MailKit connect option each configuration ends up with, including configurations written before Smtp:Security.</summary>
public sealed class SmtpSecurityMappingTests
{
    [Theory]
    [InlineData("", "false", 25, SecureSocketOptions.None)]
    [InlineData("", "true", 587, SecureSocketOptions.StartTls)]
    [InlineData("", "true", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("", "false", 465, SecureSocketOptions.None)]
    [InlineData("None", "true", 587, SecureSocketOptions.None)]
    [InlineData("StartTls", "false", 25, SecureSocketOptions.StartTls)]
    [InlineData("starttls", "false", 587, SecureSocketOptions.StartTls)]
    [InlineData("StartTlsWhenAvailable", "false", 25, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("ImplicitTls", "false", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("ImplicitTls", "false", 2465, SecureSocketOptions.SslOnConnect)]
    public void Settings_map_to_the_connect_option(string security, string enableSsl, int port, SecureSocketOptions expected)
    {
        var smtp = Bind(new()
        {
            ["Smtp:Host"] = "mail.example.test", ["Smtp:Security"] = security, ["Smtp:EnableSsl"] = enableSsl,
            ["Smtp:Port"] = port.ToString()
        });

        Assert.Equal(expected, SmtpSecurityMapping.SocketOptions(smtp));
    }

    [Fact]
    public void An_appsettings_file_from_before_the_new_keys_binds_with_their_defaults()
    {
        var smtp = Bind(new() { ["Smtp:Host"] = "mail.example.test", ["Smtp:Port"] = "25", ["Smtp:EnableSsl"] = "false", ["Smtp:TimeoutSeconds"] = "30" });

        Assert.Null(smtp.Security);
        Assert.Equal(SmtpSecurity.None, smtp.EffectiveSecurity);
        Assert.Equal("", smtp.TrustedCertificateSha256);
        Assert.Equal(10, smtp.ConnectTimeoutSeconds);
        Assert.Equal(30, smtp.TimeoutSeconds);
    }

    private static SmtpOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var smtp = new SmtpOptions();
        configuration.GetSection(SmtpOptions.Section).Bind(smtp);
        return smtp;
    }
}
