namespace Orchestration.Contracts.Referrals;

/// <summary>What an individual's consent allows (DOMAIN.md §13).</summary>
public enum ConsentScope
{
    /// <summary>Jobbtorg may read mapping part 3 and the FIA social/health part.</summary>
    ShareWithJobbtorg,

    /// <summary>The district may refer the person to FINSAM (Samordningsförbundet).</summary>
    ReferToFinsam,
}
