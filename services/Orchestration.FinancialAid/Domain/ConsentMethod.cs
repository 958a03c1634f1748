namespace Orchestration.FinancialAid.Domain;

/// <summary>How the individual gave a consent; seed 004 does not require it to be written.</summary>
public enum ConsentMethod
{
    Written,
    Oral,
    Digital,
}
