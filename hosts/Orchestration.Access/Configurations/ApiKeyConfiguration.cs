using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestration.Access.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.KeyId).HasMaxLength(32);
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.District).HasMaxLength(100);
        builder.Property(k => k.CreatedBy).HasMaxLength(100);
    }
}
