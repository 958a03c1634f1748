namespace Orchestration.Contracts.Referrals;

/// <summary>Which part of Jobbtorg a referral goes to.</summary>
public enum JobbtorgUnit
{
    /// <summary>Jobbtorg Stockholm's job centres.</summary>
    Jobbtorg,

    /// <summary>Jobbtorg Resurs, for people further from the labour market.</summary>
    JobbtorgResurs,
}
