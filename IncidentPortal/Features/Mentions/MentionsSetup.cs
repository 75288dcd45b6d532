using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Mentions;

public static class MentionsSetup
{
    public static WebApplicationBuilder AddMentions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MentionDirectory>();
        builder.Services.AddSingleton<IIncidentSaveHook, WorkNoteMentionHook>();
        return builder;
    }
}
