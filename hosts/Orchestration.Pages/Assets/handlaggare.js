// The social secretary's page: my follow-ups (overdue, due this week, upcoming) and my cases, each with its current
// stage, and a case view with the person's whole path across the services as a timeline (/api/case-timeline), where
// the case's open follow-up can be moved with a reason. A case opens from a follow-up's button or from the link of
// "my cases" (?arende=<referral id>, so it can be bookmarked and opened in a new tab).
'use strict';

(() => {
    let current = null;
    let shown = null;

    const modules = {
        FinancialAid: 'Ekonomiskt bistånd', Jobbtorg: 'Jobbtorg', Interventions: 'Stadsdelsinsats', FollowUps: 'Uppföljning', Workflows: 'Processen',
    };
    const routes = { Jobbtorg: 'Jobbtorg', JobbtorgResurs: 'Jobbtorg Resurs', DistrictIntervention: 'stadsdelsinsats', OtherRoute: 'annan väg' };
    const units = { Jobbtorg: 'Jobbtorg', JobbtorgResurs: 'Jobbtorg Resurs' };
    const outcomes = {
        ToJobbtorg: 'till Jobbtorg', Work: 'arbete', Studies: 'studier', FkCompensation: 'ersättning från Försäkringskassan', Pension: 'pension',
        Osa: 'OSA', MovedOrChangedDistrict: 'flyttat eller bytt stadsdel', LostContact: 'kontakten bruten', UnemploymentFund: 'a-kassa', Other: 'annat',
    };
    const obstacles = {
        Unemployment: 'arbetslöshet', InsufficientFkCompensation: 'otillräcklig ersättning från Försäkringskassan', SocialMedical: 'sociala eller medicinska skäl',
        Immigration: 'invandring',
    };
    const label = (table, code) => code ? (table[code] ?? code) : '';
    const list = (table, codes) => (codes ?? '').split(',').filter(c => c).map(c => label(table, c)).join(', ');

    /** The Swedish sentence for one timeline entry: codes and dates only, as the API gives them. */
    function describe(entry) {
        const d = entry.details ?? {};
        const texts = {
            ApplicationRegistered: () => 'Ansökan om ekonomiskt bistånd registrerad',
            MappingPart1Recorded: () => 'Inledande kartläggning del 1 klar',
            TargetGroupScreeningRecorded: () => 'Målgruppsbedömning klar',
            MappingPart3Recorded: () => 'Inledande kartläggning del 3 klar',
            FiaSocialPartRecorded: () => 'FIA, social situation och hälsa, klar',
            SupportObstacleRecorded: () => `Försörjningshinder bedömt: ${label(obstacles, d.category)}`,
            ConsentRecorded: () => `Samtycke registrerat (${d.scope}) från ${Pages.date(d.givenOn)}`,
            ConsentWithdrawn: () => `Samtycke återkallat (${d.scope})`,
            AidDecisionMade: () => `Beslut om bistånd ${Pages.date(d.validFrom)} – ${Pages.date(d.validTo)}`,
            ReReferralReceived: () => 'Återremiss från Jobbtorg mottagen',
            RouteDecided: () => `Vägval: ${list(routes, d.routes)}${d.otherRoutes ? ` (${d.otherRoutes})` : ''}${d.fiaCompleted === 'true' ? '' : ', utan FIA'}`,
            FiaJobPartRequested: () => 'FIA utbildning och arbete begärd från Jobbtorg',
            ResponsibleAssigned: () => `Ansvarig socialsekreterare: ${d.socialSecretary}`,
            CaseClosed: () => `Ärendet avslutat: ${label(outcomes, d.outcome)}`,
            JobbtorgReferralReceived: () => `Remiss mottagen av ${label(units, d.unit)}${d.fiaOnly === 'true' ? ' (endast FIA)' : ''}`,
            JobbtorgIntakeCompleted: () => 'Inskrivning på Jobbtorg (kartläggning del 2) klar',
            FiaJobPartCompleted: () => 'FIA utbildning och arbete klar',
            JobbtorgInterventionBooked: () => `Jobbtorgsinsats bokad: ${d.intervention}`,
            JobbtorgInterventionStarted: () => `Jobbtorgsinsats påbörjad: ${d.intervention}`,
            JobbtorgInterventionEnded: () => `Jobbtorgsinsats avslutad: ${d.intervention}`,
            ResursIntakeCompleted: () => `Inskrivning på Jobbtorg Resurs, överföring ${Pages.date(d.plannedTransferOn)}`,
            ReReferred: () => `Återremitterad till stadsdelen, skäl: ${d.reason}`,
            JobbtorgReferralClosed: () => `Remissen till ${label(units, d.unit)} avslutad: ${label(outcomes, d.outcome)}`,
            InterventionReferralOpened: () => 'Remiss till stadsdelsinsats öppnad',
            InterventionChosen: () => `Insats vald: ${d.intervention} (${d.provider}${d.placeBought === 'true' ? ', köpt plats' : ''})`,
            ThreePartyTalkHeld: () => `Trepartssamtal ${Pages.date(d.heldOn)}`,
            AssignmentWritten: () => 'Uppdragsbeskrivning skriven',
            WorkPlanWritten: () => 'Arbetsplan skriven',
            ImplementationPlanWritten: () => 'Genomförandeplan skriven',
            InterventionStarted: () => `Insatsen påbörjad ${Pages.date(d.startedOn)}${d.aidDecision === 'missing' ? ', biståndsbeslut saknas' : ''}`,
            InterventionFollowUpRecorded: () => `Uppföljning genomförd ${Pages.date(d.heldOn)}${d.readyForJobbtorgResurs === 'true' ? ', redo för Jobbtorg Resurs' : ''}`,
            TransferToResursDecided: () => 'Beslut om överföring till Jobbtorg Resurs',
            InterventionReferralClosed: () => `Insatsen avslutad: ${label(outcomes, d.outcome)}`,
            FollowUpScheduled: () => `Uppföljning ${d.sequence} planerad, förfallodag ${Pages.date(d.dueOn)}`,
            FollowUpReminderIssued: () => `Påminnelse skickad om uppföljning ${d.sequence}`,
            FollowUpEscalated: () => `Uppföljning ${d.sequence} eskalerad till samordnare`,
            FollowUpDateMoved: () => `Flyttad från ${Pages.date(d.fromDueOn)} till ${Pages.date(d.toDueOn)} (uppföljning ${d.sequence}): ${entry.reason ?? ''}`,
            FollowUpCompleted: () => `Uppföljning ${d.sequence} genomförd`,
            FollowUpStopped: () => `Uppföljning ${d.sequence} stoppad`,
            WorkflowStarted: () => `Processen ${d.definitionId} (version ${d.version}) startad`,
            WorkflowFinished: () => `Processen ${d.definitionId} avslutad`,
            WorkflowActivityExecuted: () => d.activityType === 'Elsa.Event' ? `Händelse mottagen: ${d.activityName ?? d.activityId}`
                : d.activityType === 'Elsa.DispatchWorkflow' ? `Startar delprocess: ${d.activityName ?? d.activityId}`
                    : `Kommando skickat: ${d.activityType.replace(/^Send/, '')}`,
            WorkflowActivityFaulted: () => `Fel i processens steg ${d.activityName ?? d.activityId}`,
        };
        return (texts[entry.kind] ?? (() => entry.kind))();
    }

    function fill(id, deadlines) {
        const body = document.getElementById(id);
        body.replaceChildren();
        if (deadlines.length === 0) {
            Pages.cell(body.insertRow(), 'Inga.').colSpan = 3;
            return;
        }

        for (const deadline of deadlines) {
            const row = body.insertRow();
            Pages.cell(row, Pages.date(deadline.dueOn), id === 'overdue' ? 'overdue' : null);
            Pages.cell(row, Pages.stage(deadline.caseStage));
            const open = document.createElement('button');
            open.type = 'button';
            open.textContent = `Öppna uppföljning ${deadline.sequence}`;
            open.addEventListener('click', () => show(deadline.referralId));
            Pages.cell(row, '').append(open);
        }
    }

    const shortId = id => id.slice(0, 8);

    function fillCases(cases) {
        const body = document.getElementById('my-cases');
        body.replaceChildren();
        if (cases.length === 0) {
            Pages.cell(body.insertRow(), 'Inga.').colSpan = 4;
            return;
        }

        for (const item of cases) {
            const row = body.insertRow();
            const link = document.createElement('a');
            link.href = `?arende=${encodeURIComponent(item.referralId)}`;
            link.textContent = `Ärende ${shortId(item.referralId)}`;
            link.addEventListener('click', clicked => {
                clicked.preventDefault();
                history.pushState(null, '', link.href);
                show(item.referralId);
            });
            Pages.cell(row, '').append(link);
            Pages.cell(row, Pages.stage(item.stage));
            Pages.cell(row, Pages.date(item.stageSince ?? item.responsibleSince));
            Pages.cell(row, item.nextFollowUpDueOn ? Pages.date(item.nextFollowUpDueOn) : 'Ingen');
        }
    }

    /** The case's open follow-up deadline, as the timeline tells it: scheduled and neither completed nor stopped. */
    function openDeadlineId(entries) {
        const closed = new Set(entries.filter(e => e.kind === 'FollowUpCompleted' || e.kind === 'FollowUpStopped').map(e => e.recordId));
        const open = entries.filter(e => e.kind === 'FollowUpScheduled' && !closed.has(e.recordId));
        return open.length ? open[open.length - 1].recordId : null;
    }

    function drawTimeline(entries) {
        const withWorkflow = document.getElementById('show-workflow').checked;
        const list = document.getElementById('timeline');
        list.replaceChildren(...entries.filter(e => withWorkflow || e.module !== 'Workflows').map(e => {
            const item = document.createElement('li');
            item.className = e.module === 'Workflows' ? 'workflow' : '';
            const time = document.createElement('time');
            time.dateTime = e.at;
            time.textContent = Pages.dateTime(e.at);
            const module = document.createElement('span');
            module.className = 'module';
            module.textContent = modules[e.module] ?? e.module;
            item.append(time, ' ', module, ` ${describe(e)}`);
            if (e.actor) {
                const actor = document.createElement('span');
                actor.className = 'actor';
                actor.textContent = ` (${e.actor})`;
                item.append(actor);
            }

            return item;
        }));
    }

    async function show(referralId) {
        let timeline;
        try {
            timeline = await Pages.api(`/api/case-timeline/${encodeURIComponent(referralId)}`);
        } catch (error) {
            if (error.status) {
                Pages.showMessage(error.status === 404 ? 'Ärendet finns inte.' : error.message, false);
            }

            return;
        }

        shown = timeline;
        document.getElementById('message').hidden = true;
        const section = document.getElementById('case');
        section.hidden = false;
        document.getElementById('case-heading').textContent = `Ärende ${shortId(referralId)}`;
        const deadlineId = openDeadlineId(timeline.entries);
        current = deadlineId ? await Pages.api(`/api/follow-ups/deadlines/${deadlineId}`) : null;
        const stage = current?.caseStage ? ` Nuvarande steg: ${Pages.stage(current.caseStage)}.` : '';
        document.getElementById('case-summary').textContent = current
            ? `Stadsdel ${timeline.district}. Uppföljning ${current.sequence} förfaller ${Pages.date(current.dueOn)}.${stage}`
            : `Stadsdel ${timeline.district}. Ingen öppen uppföljning.`;
        const move = document.getElementById('move');
        move.hidden = current === null;
        if (current) {
            document.getElementById('move-what').textContent = `Flytta uppföljning ${current.sequence} (förfaller nu ${Pages.date(current.dueOn)}).`;
        }

        drawTimeline(timeline.entries);
        document.getElementById('case-heading').focus();
    }

    async function load() {
        const [inbox, cases] = await Promise.all([Pages.api('/api/follow-ups/mine'), Pages.api('/api/follow-ups/cases/mine')]);
        fill('overdue', inbox.overdue);
        fill('due', inbox.due);
        fill('upcoming', inbox.upcoming);
        fillCases(cases);
    }

    document.getElementById('show-workflow').addEventListener('change', () => {
        if (shown) {
            drawTimeline(shown.entries);
        }
    });

    document.getElementById('move').addEventListener('submit', async submitted => {
        submitted.preventDefault();
        const form = submitted.target;
        try {
            await Pages.api(`/api/follow-ups/deadlines/${current.deadlineId}/move`, {
                method: 'POST',
                body: JSON.stringify({ dueOn: form.dueOn.value, reason: form.reason.value }),
            });
            document.getElementById('message').hidden = true;
            form.reset();
            await load();
            await show(current.referralId);
        } catch (error) {
            if (error.status) {
                Pages.showMessage(error.message, false);
            }
        }
    });

    window.addEventListener('popstate', () => {
        const referralId = new URLSearchParams(location.search).get('arende');
        if (referralId) {
            show(referralId);
        } else {
            document.getElementById('case').hidden = true;
        }
    });

    (async () => {
        await Pages.signedInUser();
        await load();
        const referralId = new URLSearchParams(location.search).get('arende');
        if (referralId) {
            await show(referralId);
        }
    })();
})();
