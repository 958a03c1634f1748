using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.ServiceDefaults.Auditing;

public static class AuditExtensions
{
    /// <summary>The module's audit table, in its own schema, beside its case tables.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditLog");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.CaseType).HasMaxLength(100);
            audit.Property(a => a.CaseId).HasMaxLength(100);
            audit.Property(a => a.District).HasMaxLength(100);
            audit.HasIndex(a => new { a.CaseType, a.CaseId });
        });
        return modelBuilder;
    }

    /// <summary>Records an access; a change is saved with the change itself, a read with its own SaveChanges.</summary>
    public static void Audit(this DbContext db, ClaimsPrincipal user, string action, string caseType, object caseId, string? district, DateTimeOffset now) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            Actor = user.Identity?.Name ?? "anonymous",
            Action = action,
            CaseType = caseType,
            CaseId = caseId.ToString() ?? "",
            District = district ?? user.FindFirstValue(OrchestrationClaims.District),
            At = now,
        });
}
