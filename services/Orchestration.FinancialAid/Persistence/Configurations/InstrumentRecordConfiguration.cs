using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class InstrumentRecordConfiguration : IEntityTypeConfiguration<InstrumentRecord>
{
    public void Configure(EntityTypeBuilder<InstrumentRecord> builder)
    {
        builder.ToTable("InstrumentRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Instrument).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.RecordedBy).HasMaxLength(100);
        // Each instrument is done once per referral, also when two requests race.
        builder.HasIndex(r => new { r.ApplicationId, r.Instrument }).IsUnique();
    }
}
