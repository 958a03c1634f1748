namespace Orchestration.Contracts.Referrals;

/// <summary>How a district intervention closed (DOMAIN.md §9). Leaving financial aid is not by itself a positive outcome.</summary>
public enum ClosureOutcome
{
    /// <summary>Avslutats till Jobbtorg; transfer to Jobbtorg Resurs.</summary>
    ToJobbtorg,

    /// <summary>Arbete, egen försörjning.</summary>
    Work,

    /// <summary>Studier.</summary>
    Studies,

    /// <summary>Ersättning via Försäkringskassan (granted or applied for).</summary>
    FkCompensation,

    /// <summary>Pension, granted or applied for.</summary>
    Pension,

    /// <summary>Offentligt skyddat arbete.</summary>
    Osa,

    /// <summary>Flyttat, bytt stadsdelsförvaltning.</summary>
    MovedOrChangedDistrict,

    /// <summary>Ej hörts av.</summary>
    LostContact,

    /// <summary>A-kassa.</summary>
    UnemploymentFund,

    /// <summary>Annat, eller liknande.</summary>
    Other,
}
