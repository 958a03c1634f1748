namespace Orchestration.Faults.Tests;

/// <summary>
/// How a referral ends after its first reminder, fixed by its number (printed with the run): each route has its own
/// side effects to count at the end.
/// </summary>
internal enum ReferralRoute
{
    /// <summary>Parallel Jobbtorg and district routes; the reminder; the case closed LostContact.</summary>
    LostContact,

    /// <summary>As <see cref="LostContact"/>, but the follow-up stays unrecorded past its due date: the coordinators get an escalation first.</summary>
    Escalation,

    /// <summary>
    /// After the reminder a "ready" follow-up and the transfer to Jobbtorg Resurs; the Resurs intake plans the transfer
    /// two weeks on (the overlap, a workflow timer the suite's time moves pass); the intervention closes ToJobbtorg and
    /// then the case closes with Work.
    /// </summary>
    Transfer,
}
