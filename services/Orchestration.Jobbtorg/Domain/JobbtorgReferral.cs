using System.Linq.Expressions;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// Jobbtorg's own record of a referral from a district (remiss till Jobbtorg or Jobbtorg Resurs), or of a request for
/// the FIA education/job part alone. It knows the person only by the opaque person id: never a personnummer or a
/// name. Every change goes through a method that checks its rule and, when it refuses, says why and changes nothing;
/// what others must hear of is added to <see cref="TakeAnnouncements"/>.
/// </summary>
public sealed class JobbtorgReferral : AnnouncingCase, IVersionedCase
{
    /// <summary>Neither re-referred nor closed: the referral takes changes (for queries; <see cref="IsClosed"/> in code).</summary>
    public static readonly Expression<Func<JobbtorgReferral, bool>> IsOpenExpression =
        r => r.Status != ReferralStatus.ReReferred && r.Status != ReferralStatus.Closed;

    public Guid Id { get; private init; }

    /// <summary>The district's referral (the financial-aid application id) that every message carries.</summary>
    public Guid ReferralId { get; private init; }

    public Guid PersonId { get; private init; }

    /// <summary>The referring district (lowercase); its social secretary may read a re-referral's reason.</summary>
    public required string District { get; init; }

    public JobbtorgUnit Unit { get; private init; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private init; }

    public ReferralStatus Status { get; private set; }

    /// <summary>
    /// Opened on the social secretary's request for the FIA education/job part alone (RequestFiaJobPart), with no
    /// referral to Jobbtorg's services; a referral of the district later makes it a full one.
    /// </summary>
    public bool FiaOnly { get; private set; }

    /// <summary>When the social secretary asked for the FIA education/job part; from then it may be recorded before any intake.</summary>
    public DateTimeOffset? FiaRequestedAt { get; private set; }

    public InitialMappingPart2? Intake { get; private set; }

    public FiaJobPart? FiaJobPart { get; private set; }

    public ResursIntake? ResursIntake { get; private set; }

    public List<JobbtorgIntervention> Interventions { get; private init; } = [];

    public ReReferral? ReReferral { get; private set; }

    /// <summary>How Jobbtorg closed the referral (DOMAIN.md §9): work, studies, moved, lost contact …</summary>
    public ClosureOutcome? Outcome { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Free text: API only, never logged, never in a message.</summary>
    public string? ClosingNote { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Re-referred to the district or closed with an outcome: nothing more is recorded on it.</summary>
    public bool IsClosed => Status is ReferralStatus.ReReferred or ReferralStatus.Closed;

    /// <summary>Jobbtorg has met the person: the first visit or the Resurs intake is recorded.</summary>
    public bool IsTakenIn => Intake is not null || ResursIntake is not null;

    /// <summary>Every change takes a new version, so two caseworkers saving at once cannot both win.</summary>
    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>A referral from the district, received; announced as JobbtorgReferralReceived.</summary>
    public static JobbtorgReferral Receive(Guid referralId, Guid personId, string district, JobbtorgUnit unit, DateTimeOffset issuedAt, DateTimeOffset now)
    {
        var referral = new JobbtorgReferral
        {
            Id = Guid.NewGuid(),
            ReferralId = referralId,
            PersonId = personId,
            District = district,
            Unit = unit,
            IssuedAt = issuedAt,
            ReceivedAt = now,
            Status = ReferralStatus.Received,
        };
        referral.AnnounceReceived(now);
        return referral;
    }

    /// <summary>
    /// A record for the FIA education/job part alone, when the social secretary asks for it and the person has no
    /// Jobbtorg referral. It is not a referral to Jobbtorg's services, so nothing is announced.
    /// </summary>
    public static JobbtorgReferral OpenForFia(Guid referralId, Guid personId, string district, DateTimeOffset requestedAt, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ReferralId = referralId,
        PersonId = personId,
        District = district,
        Unit = JobbtorgUnit.Jobbtorg,
        IssuedAt = requestedAt,
        ReceivedAt = now,
        Status = ReferralStatus.Received,
        FiaOnly = true,
        FiaRequestedAt = requestedAt,
    };

    /// <summary>
    /// The district refers the person to this unit while the record is open. An FIA-only record becomes a full
    /// referral and is announced as received; a full one stays as it is (false: nothing changed).
    /// </summary>
    public bool ReferAgain(DateTimeOffset issuedAt, DateTimeOffset now)
    {
        if (!FiaOnly || IsClosed)
        {
            return false;
        }

        FiaOnly = false;
        IssuedAt = issuedAt;
        AnnounceReceived(now);
        return true;
    }

    /// <summary>The social secretary asks for the FIA education/job part; the first request counts (false: asked before).</summary>
    public bool RequestFiaJobPart(DateTimeOffset requestedAt)
    {
        if (FiaRequestedAt is not null || IsClosed)
        {
            return false;
        }

        FiaRequestedAt = requestedAt;
        return true;
    }

    /// <summary>The first visit with mapping part 2, once.</summary>
    public StepRefusal? RecordIntake(InitialMappingPart2 intake) =>
        WhileOpen(() =>
        {
            if (Intake is not null)
            {
                return StepRefusal.Done($"The intake of referral {Id} was recorded at {Intake.CompletedAt:u}; it is recorded once.");
            }

            Intake = intake;
            Status = ReferralStatus.TakenIn;
            Announce(new JobbtorgIntakeCompleted(ReferralId, Id, intake.CompletedAt));
            return null;
        });

    /// <summary>The FIA education/job part, once: after the intake, or at any time once the social secretary asked for it.</summary>
    public StepRefusal? CompleteFiaJobPart(FiaJobPart part) =>
        WhileOpen(() =>
        {
            if (FiaJobPart is not null)
            {
                return StepRefusal.Done($"The FIA education/job part of referral {Id} was recorded at {FiaJobPart.CompletedAt:u}; it is recorded once.");
            }

            if (!IsTakenIn && FiaRequestedAt is null)
            {
                return RefuseUntilTakenIn("the FIA education/job part (or wait for the social secretary's request for it)");
            }

            FiaJobPart = part;
            Announce(new FiaJobPartCompleted(ReferralId, Id, part.CompletedAt));
            return null;
        });

    /// <summary>Jobbtorg Resurs takes the person in, once, on a referral to Jobbtorg Resurs.</summary>
    public StepRefusal? RecordResursIntake(ResursIntake intake) =>
        WhileOpen(() =>
        {
            if (Unit != JobbtorgUnit.JobbtorgResurs)
            {
                return StepRefusal.OutOfOrder($"Referral {Id} is to {Unit}, not to Jobbtorg Resurs; the district refers to Resurs with a referral of its own.");
            }

            if (ResursIntake is not null)
            {
                return StepRefusal.Done($"The Jobbtorg Resurs intake of referral {Id} was recorded at {ResursIntake.CompletedAt:u}; it is recorded once.");
            }

            ResursIntake = intake;
            Status = ReferralStatus.TakenIn;
            Announce(new ResursIntakeCompleted(ReferralId, Id, intake.PlannedTransferOn, intake.CompletedAt));
            return null;
        });

    /// <summary>Books a Jobbtorg intervention once Jobbtorg has met the person.</summary>
    public StepRefusal? BookIntervention(JobbtorgIntervention intervention) =>
        WhileOpen(() =>
        {
            if (!IsTakenIn)
            {
                return RefuseUntilTakenIn("booking a Jobbtorg intervention");
            }

            Interventions.Add(intervention);
            return null;
        });

    /// <summary>A booked intervention starts, once.</summary>
    public StepRefusal? StartIntervention(Guid interventionId, DateTimeOffset now) =>
        WhileOpen(() =>
        {
            var intervention = Interventions.Single(i => i.Id == interventionId);
            if (intervention.State != InterventionState.Booked)
            {
                return StepRefusal.Done($"Intervention {interventionId} is already {intervention.State.ToString().ToLowerInvariant()}; it starts once.");
            }

            intervention.Start(now);
            Announce(new JobbtorgInterventionStarted(ReferralId, interventionId, now));
            return null;
        });

    /// <summary>A running intervention ends, completed or broken off.</summary>
    public StepRefusal? EndIntervention(Guid interventionId, bool completed, DateTimeOffset now) =>
        WhileOpen(() =>
        {
            var intervention = Interventions.Single(i => i.Id == interventionId);
            switch (intervention.State)
            {
                case InterventionState.Booked:
                    return StepRefusal.OutOfOrder($"Intervention {interventionId} never started; start it before it can end.");
                case InterventionState.Ended or InterventionState.Cancelled:
                    return StepRefusal.Done($"Intervention {interventionId} is already {intervention.State.ToString().ToLowerInvariant()}.");
            }

            End(intervention, completed, now);
            return null;
        });

    /// <summary>
    /// Re-refers the person to the district (återremittering); the running interventions must have ended, and the
    /// booked ones lapse. Closes the referral.
    /// </summary>
    public StepRefusal? ReReferToDistrict(ReReferral reReferral)
    {
        if ((RefuseWhenClosed() ?? RefuseWhileRunning()) is { } refused)
        {
            return refused;
        }

        CancelBooked();
        ReReferral = reReferral;
        Status = ReferralStatus.ReReferred;
        Announce(new ReReferredToDistrict(ReferralId, reReferral.Id, District, reReferral.ReReferredAt));
        return null;
    }

    /// <summary>
    /// The coach closes the referral with an outcome (the person got work, moved, stopped attending …). The coach
    /// ends the running interventions first, completed or broken off, as only they know which; booked ones lapse.
    /// </summary>
    public StepRefusal? Close(ClosureOutcome outcome, string? note, DateTimeOffset now, string by) =>
        RefuseWhenClosed() ?? RefuseWhileRunning() ?? CloseWith(outcome, note, now, by);

    /// <summary>
    /// The case closed (CloseJobbtorgReferral): the referral closes with the case's outcome whatever runs; a running
    /// intervention is broken off (JobbtorgInterventionEnded, not completed).
    /// </summary>
    public StepRefusal? CloseWithCase(ClosureOutcome outcome, DateTimeOffset now, string by) =>
        WhileOpen(() =>
        {
            foreach (var running in Interventions.Where(i => i.State == InterventionState.Started))
            {
                End(running, completed: false, now);
            }

            return CloseWith(outcome, null, now, by);
        });

    /// <summary>A re-referred or closed referral takes no more changes, whatever they are.</summary>
    public StepRefusal? RefuseWhenClosed() => Status switch
    {
        ReferralStatus.ReReferred => StepRefusal.OutOfOrder(
            $"Referral {Id} was re-referred to the district; it takes no more changes. A new referral from the district opens a new record."),
        ReferralStatus.Closed => StepRefusal.OutOfOrder(
            $"Referral {Id} was closed ({Outcome}); it takes no more changes. A new referral from the district opens a new record."),
        _ => null,
    };

    private StepRefusal? WhileOpen(Func<StepRefusal?> step) => RefuseWhenClosed() ?? step();

    private StepRefusal? CloseWith(ClosureOutcome outcome, string? note, DateTimeOffset now, string by)
    {
        CancelBooked();
        Status = ReferralStatus.Closed;
        Outcome = outcome;
        ClosedAt = now;
        ClosedBy = by;
        ClosingNote = note;
        Announce(new JobbtorgReferralClosed(ReferralId, Id, outcome, now));
        return null;
    }

    private StepRefusal? RefuseWhileRunning() =>
        Interventions.Where(i => i.State == InterventionState.Started).Select(i => i.Id).ToList() is { Count: > 0 } running
            ? StepRefusal.OutOfOrder($"End the running Jobbtorg interventions ({string.Join(", ", running)}) first, completed or broken off.")
            : null;

    private StepRefusal RefuseUntilTakenIn(string step) =>
        StepRefusal.OutOfOrder($"Record the intake (first visit with mapping part 2, or the Jobbtorg Resurs intake) of referral {Id} before {step}.");

    private void CancelBooked()
    {
        foreach (var booked in Interventions.Where(i => i.State == InterventionState.Booked))
        {
            // Never started, so there is nothing to end and no event: the booking lapses with the referral.
            booked.Cancel();
        }
    }

    private void End(JobbtorgIntervention intervention, bool completed, DateTimeOffset now)
    {
        intervention.End(completed, now);
        Announce(new JobbtorgInterventionEnded(ReferralId, intervention.Id, completed, now));
    }

    private void AnnounceReceived(DateTimeOffset now) => Announce(new JobbtorgReferralReceived(ReferralId, Id, District, Unit, now));
}
