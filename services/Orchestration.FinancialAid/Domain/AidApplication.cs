using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// An application for financial aid in a district: the start of the referral process, and the case every step of
/// financial aid is recorded on. The aggregate: every step goes through a method here that checks its rule and says
/// why it refused (a <see cref="StepRefusal"/>), so the rules are tested without a host. Its version changes on every
/// saved step (<see cref="CaseSave"/>).
/// </summary>
public sealed class AidApplication : IVersionedCase
{
    private readonly List<InstrumentRecord> _instruments = [];
    private readonly List<SupportObstacle> _supportObstacles = [];
    private readonly List<RouteDecision> _routeDecisions = [];
    private readonly List<AidDecision> _aidDecisions = [];
    private readonly List<Consent> _consents = [];
    private readonly List<ReReferral> _reReferrals = [];

    private AidApplication()
    {
    }

    public Guid Id { get; private init; }

    public Guid PersonId { get; private init; }

    public string District { get; private init; } = "";

    public DateTimeOffset RegisteredAt { get; private init; }

    /// <summary>For statistics only (women vs men, seed 004): taken from the personnummer at registration; never sent or logged.</summary>
    public RegisteredGender? Gender { get; private init; }

    /// <summary>For statistics only (age bands): the birth year from the personnummer at registration; never sent or logged.</summary>
    public int? BirthYear { get; private init; }

    /// <summary>The social secretary (user name) who registered it.</summary>
    public string RegisteredBy { get; private init; } = "";

    /// <summary>The social secretary (account user name) responsible for the case; reminders and the follow-up inbox follow them.</summary>
    public string ResponsibleSocialSecretary { get; private set; } = "";

    public DateTimeOffset ResponsibleSince { get; private set; }

    /// <summary>When the social secretary last asked Jobbtorg for the FIA education and job-seeking part.</summary>
    public DateTimeOffset? FiaJobPartRequestedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public ClosureOutcome? Outcome { get; private set; }

    public string? ClosingNote { get; private set; }

    /// <summary>The social secretary who closed it, or the service that reported the closure (e.g. "Jobbtorg").</summary>
    public string? ClosedBy { get; private set; }

    public IReadOnlyCollection<InstrumentRecord> Instruments => _instruments;

    public IReadOnlyCollection<SupportObstacle> SupportObstacles => _supportObstacles;

    public IReadOnlyCollection<RouteDecision> RouteDecisions => _routeDecisions;

    public IReadOnlyCollection<AidDecision> AidDecisions => _aidDecisions;

    public IReadOnlyCollection<Consent> Consents => _consents;

    public IReadOnlyCollection<ReReferral> ReReferrals => _reReferrals;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsClosed => ClosedAt is not null;

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// A new application; the social secretary who registers it is responsible for it until someone else is assigned.
    /// <paramref name="id"/> is given only where the referral id is already known (seeded test data).
    /// </summary>
    public static AidApplication Register(Guid personId, string district, string registeredBy, DateTimeOffset now, Guid? id = null,
        RegisteredGender? gender = null, int? birthYear = null) => new()
        {
            Id = id ?? Guid.NewGuid(),
            Gender = gender,
            BirthYear = birthYear,
            PersonId = personId,
            District = district,
            RegisteredAt = now,
            RegisteredBy = registeredBy,
            ResponsibleSocialSecretary = registeredBy,
            ResponsibleSince = now,
        };

    /// <summary>A closed case takes no further step: every change is refused with the closure named.</summary>
    public StepRefusal? RefuseChange() => IsClosed
        ? StepRefusal.OutOfOrder($"Referral {Id} was closed on {ClosedAt:yyyy-MM-dd} with the outcome {Outcome}; nothing more is recorded on it.")
        : null;

    public bool HasDone(Instrument instrument) => _instruments.Any(r => r.Instrument == instrument);

    public StepRefusal? RefuseInstrument(Instrument instrument, Instrument? after)
    {
        if (RefuseChange() is { } closed)
        {
            return closed;
        }

        if (HasDone(instrument))
        {
            return StepRefusal.Done($"{instrument} is already recorded for referral {Id}; it is done once.");
        }

        return after is { } before && !HasDone(before)
            ? StepRefusal.OutOfOrder($"{instrument} comes after {before}, which is not recorded yet for referral {Id}.")
            : null;
    }

    /// <summary>Records an instrument's answers (JSON) once, after the one it follows; refused as <see cref="RefuseInstrument"/> says.</summary>
    public InstrumentRecord RecordInstrument(Instrument instrument, Instrument? after, string answers, string recordedBy, DateTimeOffset now)
    {
        Ensure(RefuseInstrument(instrument, after));
        var record = new InstrumentRecord
        {
            Id = Guid.NewGuid(),
            ApplicationId = Id,
            Instrument = instrument,
            Answers = answers,
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
        _instruments.Add(record);
        return record;
    }

    /// <summary>The support obstacle is recorded per person once mapping part 3 is done (DOMAIN.md §3 step 4).</summary>
    public StepRefusal? RefuseSupportObstacle() => RefuseChange() ?? (HasDone(Instrument.MappingPart3)
        ? null
        : StepRefusal.OutOfOrder($"Record initial mapping part 3 of referral {Id} before its support obstacle."));

    public SupportObstacle RecordSupportObstacle(SupportObstacleCategory category, string? note, string recordedBy, DateTimeOffset now)
    {
        Ensure(RefuseSupportObstacle());
        var obstacle = new SupportObstacle { Id = Guid.NewGuid(), ApplicationId = Id, Category = category, Note = note, RecordedAt = now, RecordedBy = recordedBy };
        _supportObstacles.Add(obstacle);
        return obstacle;
    }

    /// <summary>The latest support obstacle is the current one.</summary>
    public SupportObstacle? CurrentSupportObstacle => _supportObstacles.OrderBy(o => o.RecordedAt).LastOrDefault();

    /// <summary>
    /// Why the route decision cannot be made now: after the support obstacle; and a referral to FINSAM (an other
    /// route) needs the individual's valid, unwithdrawn ReferToFinsam consent (DOMAIN.md §13, seed 004).
    /// </summary>
    public StepRefusal? RefuseRouteDecision(IReadOnlyCollection<Route> routes, IReadOnlyCollection<string> otherRoutes, DateOnly today)
    {
        if (RefuseChange() is { } closed)
        {
            return closed;
        }

        if (_supportObstacles.Count == 0)
        {
            return StepRefusal.OutOfOrder($"Record the support obstacle of referral {Id} before deciding its route.");
        }

        if (routes.Contains(Route.OtherRoute) && otherRoutes.Contains(OtherRoutes.Finsam, StringComparer.Ordinal)
            && !HasValidConsent(ConsentScope.ReferToFinsam, today))
        {
            return StepRefusal.OutOfOrder("A referral to FINSAM needs the individual's consent (scope ReferToFinsam), valid today and not withdrawn; "
                + ConsentMissingReason(ConsentScope.ReferToFinsam, today));
        }

        return null;
    }

    /// <summary>
    /// Decides one or more parallel routes with the reason and the individual's own view; answers every re-referral
    /// waiting for it. Whether an FIA lies behind it is recorded (a district intervention without one is only warned).
    /// </summary>
    public RouteDecision DecideRoute(IReadOnlyList<Route> routes, IReadOnlyList<string> otherRoutes, string reason, string individualsView,
        string decidedBy, DateTimeOffset now)
    {
        Ensure(RefuseRouteDecision(routes, otherRoutes, DateOnly.FromDateTime(now.UtcDateTime)));
        var decision = new RouteDecision
        {
            Id = Guid.NewGuid(),
            ApplicationId = Id,
            Routes = routes,
            OtherRoutes = routes.Contains(Route.OtherRoute) ? otherRoutes : [],
            Reason = reason,
            IndividualsView = individualsView,
            FiaCompleted = HasDone(Instrument.FiaSocialPart),
            DecidedAt = now,
            DecidedBy = decidedBy,
        };
        _routeDecisions.Add(decision);
        foreach (var waiting in _reReferrals.Where(r => r.AnsweredByRouteDecisionId is null))
        {
            waiting.AnsweredByRouteDecisionId = decision.Id;
        }

        return decision;
    }

    /// <summary>Warnings that never block: a district intervention "bör" rest on a completed FIA (seed 002).</summary>
    public static IReadOnlyList<string> RouteWarnings(RouteDecision decision) =>
        decision.Routes.Contains(Route.DistrictIntervention) && !decision.FiaCompleted
            ? ["No FIA lies behind this referral to a district intervention; seed 002 says a completed FIA should be its ground."]
            : [];

    public AidDecision MakeAidDecision(DateOnly validFrom, DateOnly validTo, string decidedBy, DateTimeOffset now)
    {
        Ensure(RefuseChange());
        var decision = new AidDecision { Id = Guid.NewGuid(), ApplicationId = Id, ValidFrom = validFrom, ValidTo = validTo, DecidedAt = now, DecidedBy = decidedBy };
        _aidDecisions.Add(decision);
        return decision;
    }

    public Consent RecordConsent(ConsentScope scope, ConsentMethod method, DateOnly givenOn, DateOnly? validUntil, string recordedBy, DateTimeOffset now)
    {
        Ensure(RefuseChange());
        var consent = new Consent
        {
            Id = Guid.NewGuid(),
            ApplicationId = Id,
            Scope = scope,
            Method = method,
            GivenOn = givenOn,
            ValidUntil = validUntil,
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
        _consents.Add(consent);
        return consent;
    }

    public bool HasValidConsent(ConsentScope scope, DateOnly day) => _consents.Any(c => c.Scope == scope && c.IsValidOn(day));

    /// <summary>Why no consent of the scope holds on the day, in the caseworker's words.</summary>
    public string ConsentMissingReason(ConsentScope scope, DateOnly day)
    {
        var ofScope = _consents.Where(c => c.Scope == scope).ToList();
        return ofScope.Count == 0 ? $"the individual has given no {scope} consent."
            : ofScope.Any(c => c.WithdrawnAt is not null) ? $"the individual's {scope} consent has been withdrawn or has expired."
            : $"the individual's {scope} consent is not valid on {day:yyyy-MM-dd}.";
    }

    /// <summary>Takes in Jobbtorg's re-referral once; false when it is already on the case or the case is closed (nothing to answer).</summary>
    public bool ReceiveReReferral(Guid reReferralId, DateTimeOffset reReferredAt, DateTimeOffset now)
    {
        if (IsClosed || _reReferrals.Any(r => r.Id == reReferralId))
        {
            return false;
        }

        _reReferrals.Add(new ReReferral { Id = reReferralId, ApplicationId = Id, ReReferredAt = reReferredAt, ReceivedAt = now });
        return true;
    }

    /// <summary>The social secretary asks Jobbtorg for the FIA's education and job-seeking part: at any time while the case is open.</summary>
    public void RequestFiaJobPart(DateTimeOffset now)
    {
        Ensure(RefuseChange());
        FiaJobPartRequestedAt = now;
    }

    public StepRefusal? RefuseAssignment(string socialSecretary)
    {
        if (RefuseChange() is { } closed)
        {
            return closed;
        }

        return string.Equals(socialSecretary, ResponsibleSocialSecretary, StringComparison.Ordinal)
            ? StepRefusal.Done($"{socialSecretary} is already responsible for referral {Id}.")
            : null;
    }

    /// <summary>Makes another social secretary (account user name) responsible for the case from now on.</summary>
    public void AssignResponsible(string socialSecretary, DateTimeOffset now)
    {
        Ensure(RefuseAssignment(socialSecretary));
        ResponsibleSocialSecretary = socialSecretary;
        ResponsibleSince = now;
    }

    public StepRefusal? RefuseClosure() => IsClosed
        ? StepRefusal.Done($"Referral {Id} was already closed on {ClosedAt:yyyy-MM-dd} with the outcome {Outcome}.")
        : null;

    /// <summary>Closes the case with an outcome (DOMAIN.md §9) and a note; once.</summary>
    public void Close(ClosureOutcome outcome, string? note, string closedBy, DateTimeOffset now)
    {
        Ensure(RefuseClosure());
        Outcome = outcome;
        ClosingNote = note;
        ClosedBy = closedBy;
        ClosedAt = now;
    }

    /// <summary>A closure another service reported: closes an open case, and leaves a closed one as it is (false).</summary>
    public bool CloseAsReported(ClosureOutcome outcome, string reportedBy, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return false;
        }

        Close(outcome, null, reportedBy, now);
        return true;
    }

    private static void Ensure(StepRefusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal.Reason);
        }
    }
}
