// The social secretary's page: my follow-ups (overdue, due this week, upcoming) with each case's current stage, and
// a case view whose timeline shows the follow-up's planned date, reminders, escalations and moved dates; the date
// can be moved with a reason.
'use strict';

(() => {
    let current = null;

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
            open.addEventListener('click', () => show(deadline.deadlineId));
            Pages.cell(row, '').append(open);
        }
    }

    function event(when, text) {
        return { when, text };
    }

    async function show(deadlineId) {
        const deadline = await Pages.api(`/api/follow-ups/deadlines/${deadlineId}`);
        current = deadline;
        const section = document.getElementById('case');
        section.hidden = false;
        document.getElementById('case-summary').textContent =
            `Uppföljning ${deadline.sequence} förfaller ${Pages.date(deadline.dueOn)}. Ärendets steg: ${Pages.stage(deadline.caseStage)}.`;
        const events = [event(deadline.plannedOn, `Planerad uppföljning ${deadline.sequence}`)];
        if (deadline.caseStageSince) {
            events.push(event(deadline.caseStageSince, `Ärendets steg: ${Pages.stage(deadline.caseStage)}`));
        }

        for (const notice of deadline.notices) {
            events.push(event(notice.issuedAt, notice.kind === 'Escalation' ? 'Eskalerad till samordnare' : 'Påminnelse skickad'));
        }

        for (const move of deadline.moves) {
            events.push(event(move.movedAt, `Flyttad från ${Pages.date(move.fromDueOn)} till ${Pages.date(move.toDueOn)} av ${move.movedBy}: ${move.reason}`));
        }

        events.push(event(deadline.dueOn, `Förfallodag ${Pages.date(deadline.dueOn)}`));
        const list = document.getElementById('timeline');
        list.replaceChildren(...events.sort((a, b) => String(a.when).localeCompare(String(b.when))).map(e => {
            const item = document.createElement('li');
            const time = document.createElement('time');
            time.dateTime = e.when;
            time.textContent = Pages.date(e.when);
            item.append(time, ` – ${e.text}`);
            return item;
        }));
        document.getElementById('case-heading').focus?.();
    }

    async function load() {
        const inbox = await Pages.api('/api/follow-ups/mine');
        fill('overdue', inbox.overdue);
        fill('due', inbox.due);
        fill('upcoming', inbox.upcoming);
    }

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
            await show(current.deadlineId);
        } catch (error) {
            if (error.status) {
                Pages.showMessage(error.message, false);
            }
        }
    });

    (async () => {
        await Pages.signedInUser();
        await load();
    })();
})();
