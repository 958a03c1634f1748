namespace Orchestration.FollowUps.Domain;

/// <summary>
/// One follow-up of a district intervention that is due (DOMAIN.md §5): a row first, which the claimer fires. It
/// keeps ids, dates and the responsible social secretary's account only, never the person's data. Every change goes
/// through a method here that checks the rule and says why it refused.
/// </summary>
public sealed class FollowUpDeadline
{
    public const int MaxReasonLength = 2000;

    private FollowUpDeadline()
    {
    }

    public Guid Id { get; private init; }

    public Guid ReferralId { get; private init; }

    public Guid InterventionReferralId { get; private init; }

    public string District { get; private init; } = "";

    /// <summary>The user name of the responsible social secretary's account; reminders and "my follow-ups" follow it.</summary>
    public string ResponsibleSocialSecretary { get; private set; } = "";

    public DeadlineKind Kind { get; private init; }

    /// <summary>1 for the first follow-up of the intervention, then 2, 3, …</summary>
    public int Sequence { get; private init; }

    /// <summary>The date the schedule gave, before moving to a working day.</summary>
    public DateOnly PlannedOn { get; private init; }

    public DateOnly DueOn { get; private set; }

    /// <summary>The ISO 8601 period to the next follow-up once this one is recorded.</summary>
    public string Interval { get; private init; } = "";

    public DeadlineState State { get; private set; }

    /// <summary>When the claimer must next act on this row (reminder, then escalation); null once nothing is left to do.</summary>
    public DateTimeOffset? NextActionAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The intervention follow-up that completed this deadline.</summary>
    public Guid? FollowUpId { get; private set; }

    public List<DeadlineMove> Moves { get; private init; } = [];

    public List<DeadlineNotice> Notices { get; private init; } = [];

    public Guid Version { get; private set; }

    public bool IsOpen => State is DeadlineState.Pending or DeadlineState.Reminded or DeadlineState.Escalated;

    /// <summary>A deadline <paramref name="after"/> the <paramref name="from"/> date, moved to the next working day when needed.</summary>
    public static FollowUpDeadline Schedule(Guid referralId, Guid interventionReferralId, string district, string responsibleSocialSecretary,
        int sequence, DateOnly from, IsoPeriod after, IsoPeriod interval, SwedishWorkingDays calendar, NoticeTiming timing, DateTimeOffset now)
    {
        var planned = after.AddTo(from);
        var due = calendar.OnOrAfter(planned);
        return new FollowUpDeadline
        {
            Id = Guid.NewGuid(),
            ReferralId = referralId,
            InterventionReferralId = interventionReferralId,
            District = district,
            ResponsibleSocialSecretary = responsibleSocialSecretary,
            Kind = sequence == 1 ? DeadlineKind.FirstFollowUp : DeadlineKind.FollowUp,
            Sequence = sequence,
            PlannedOn = planned,
            DueOn = due,
            Interval = interval.ToString(),
            State = DeadlineState.Pending,
            NextActionAt = timing.ReminderAt(due),
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>
    /// What the claimer does when <see cref="NextActionAt"/> has come: remind a pending deadline, escalate a reminded
    /// one. Returns the notice issued, or null when nothing was due (another claimer got there first).
    /// </summary>
    public DeadlineNotice? Fire(DateTimeOffset now, NoticeTiming timing)
    {
        if (NextActionAt is not { } at || at > now)
        {
            return null;
        }

        switch (State)
        {
            case DeadlineState.Pending:
                State = DeadlineState.Reminded;
                NextActionAt = timing.EscalationAt(DueOn);
                return Issue(NoticeKind.Reminder, now);
            case DeadlineState.Reminded:
                State = DeadlineState.Escalated;
                NextActionAt = null;
                return Issue(NoticeKind.Escalation, now);
            default:
                NextActionAt = null;
                return null;
        }
    }

    /// <summary>The follow-up was recorded: this deadline is done, whatever notices it had.</summary>
    public Refusal? Complete(Guid followUpId, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return new Refusal($"The follow-up deadline {Id} is already {State}.");
        }

        State = DeadlineState.Completed;
        FollowUpId = followUpId;
        return Close(now);
    }

    /// <summary>The next deadline after this one was recorded on <paramref name="recordedOn"/>: every <see cref="Interval"/> from then.</summary>
    public FollowUpDeadline Next(DateOnly recordedOn, SwedishWorkingDays calendar, NoticeTiming timing, DateTimeOffset now)
    {
        var interval = IsoPeriod.Parse(Interval);
        return Schedule(ReferralId, InterventionReferralId, District, ResponsibleSocialSecretary, Sequence + 1, recordedOn, interval, interval,
            calendar, timing, now);
    }

    public Refusal? Stop(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return new Refusal($"The follow-up deadline {Id} is already {State}.");
        }

        State = DeadlineState.Stopped;
        return Close(now);
    }

    /// <summary>
    /// Another social secretary became responsible for the case: an open deadline follows them (its reminders, the
    /// inbox); a closed one keeps who was responsible then.
    /// </summary>
    public Refusal? Reassign(string socialSecretary)
    {
        if (!IsOpen)
        {
            return new Refusal($"The follow-up deadline {Id} is {State}; it keeps its responsible social secretary.");
        }

        ResponsibleSocialSecretary = socialSecretary;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>
    /// Moves the due date with a reason (kept). A date on a weekend or holiday moves on to the next working day. The
    /// notices start over for the new date: a reminder already sent is sent again before the new date.
    /// </summary>
    public Refusal? Move(DateOnly requestedOn, string? reason, string movedBy, DateTimeOffset now, SwedishWorkingDays calendar, NoticeTiming timing)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new Refusal("A moved follow-up date needs the reason for moving it.", "reason");
        }

        if (trimmed.Length > MaxReasonLength)
        {
            return new Refusal($"At most {MaxReasonLength} characters.", "reason");
        }

        if (requestedOn < timing.Today(now))
        {
            return new Refusal("The new date lies in the past.", "dueOn");
        }

        if (!IsOpen)
        {
            return new Refusal($"The follow-up deadline is {State}; only an open one can be moved.");
        }

        var to = calendar.OnOrAfter(requestedOn);
        if (to == DueOn)
        {
            return new Refusal($"The follow-up is already due on {DueOn:yyyy-MM-dd}.", "dueOn");
        }

        Moves.Add(new DeadlineMove
        {
            Id = Guid.NewGuid(),
            DeadlineId = Id,
            FromDueOn = DueOn,
            RequestedOn = requestedOn,
            ToDueOn = to,
            Reason = trimmed,
            MovedBy = movedBy,
            MovedAt = now,
        });
        DueOn = to;
        State = DeadlineState.Pending;
        NextActionAt = timing.ReminderAt(to);
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Due (reminder window reached), Overdue (past the due date) or Upcoming, as the inbox shows it.</summary>
    public string Urgency(DateTimeOffset now, NoticeTiming timing)
    {
        var today = timing.Today(now);
        return today > DueOn ? "Overdue" : today >= DueOn.AddDays(-timing.ReminderLeadDays) ? "Due" : "Upcoming";
    }

    private DeadlineNotice Issue(NoticeKind kind, DateTimeOffset now)
    {
        var notice = new DeadlineNotice { Id = Guid.NewGuid(), DeadlineId = Id, Kind = kind, DueOn = DueOn, IssuedAt = now };
        Notices.Add(notice);
        Version = Guid.NewGuid();
        return notice;
    }

    private Refusal? Close(DateTimeOffset now)
    {
        ClosedAt = now;
        NextActionAt = null;
        Version = Guid.NewGuid();
        return null;
    }
}
