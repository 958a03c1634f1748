using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestration.Access.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(100);
        builder.HasIndex(a => a.UserName).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.District).HasMaxLength(100);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
