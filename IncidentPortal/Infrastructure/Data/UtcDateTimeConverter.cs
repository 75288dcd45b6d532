using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IncidentPortal.Infrastructure.Data;

/// <summary>Stores DateTime as given (always UTC in this app) and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
