// The coordinator's page: the district's overdue and soon due follow-ups with the reminders and escalations sent,
// and the statistics as charts and as a table (the table is what a screen reader reads).
'use strict';

(() => {
    const measures = {
        referrals: 'Remisser', closures: 'Avslut', reReferrals: 'Återremitteringar', jobbtorgInterventionsStarted: 'Påbörjade Jobbtorgsinsatser',
        interventionsStarted: 'Påbörjade stadsdelsinsatser', transfersToResurs: 'Överföringar till Resurs', interventionClosures: 'Avslutade stadsdelsinsatser',
        interventionCost: 'Platser och kostnad', followUps: 'Uppföljningar', escalations: 'Eskaleringar',
    };
    const categories = { onTime: 'I tid', late: 'Sen', overdue: 'Försenad', own: 'Egen', purchased: 'Köpt', single: 'Enskild', parallel: 'Parallell' };
    const charts = {};
    let csvQuery = null;
    const form = document.getElementById('filters');

    function noticesText(deadline) {
        const reminders = deadline.notices.filter(n => n.kind === 'Reminder').length;
        const escalations = deadline.notices.filter(n => n.kind === 'Escalation');
        const parts = [`${reminders} påminnelse${reminders === 1 ? '' : 'r'}`];
        parts.push(escalations.length ? `eskalerad ${Pages.date(escalations[escalations.length - 1].issuedAt)}` : 'ej eskalerad');
        return parts.join(', ');
    }

    function fillDeadlines(id, deadlines, overdue) {
        const body = document.getElementById(id);
        body.replaceChildren();
        if (deadlines.length === 0) {
            const row = body.insertRow();
            Pages.cell(row, 'Inga.').colSpan = 4;
            return;
        }

        for (const deadline of deadlines) {
            const row = body.insertRow();
            Pages.cell(row, Pages.date(deadline.dueOn), overdue ? 'overdue' : null);
            Pages.cell(row, deadline.responsibleSocialSecretary);
            Pages.cell(row, Pages.stage(deadline.caseStage));
            Pages.cell(row, noticesText(deadline));
        }
    }

    function draw(id, type, labels, datasets) {
        charts[id]?.destroy();
        charts[id] = new Chart(document.getElementById(id), {
            type,
            data: { labels, datasets },
            options: { animation: false, responsive: true, locale: 'sv-SE', scales: type === 'bar' ? { y: { beginAtZero: true, ticks: { precision: 0 } } } : undefined },
        });
    }

    const shown = f => !f.suppressed && f.count !== null;

    function series(figures, measure, byCategory) {
        const rows = figures.filter(f => f.measure === measure && shown(f));
        const periods = [...new Set(rows.map(f => f.period))].sort();
        const keys = byCategory ? [...new Set(rows.map(f => f.category ?? ''))] : [''];
        const datasets = keys.map(key => ({
            label: byCategory ? (categories[key] ?? key) : measures[measure],
            data: periods.map(p => rows.filter(f => f.period === p && (!byCategory || (f.category ?? '') === key)).reduce((sum, f) => sum + f.count, 0)),
        }));
        return { periods, datasets };
    }

    function fillFigures(report) {
        const body = document.getElementById('figures');
        body.replaceChildren();
        for (const f of report.figures) {
            const row = body.insertRow();
            Pages.cell(row, measures[f.measure] ?? f.measure);
            Pages.cell(row, categories[f.category] ?? f.category ?? '');
            Pages.cell(row, f.period);
            Pages.cell(row, f.district ?? 'Alla');
            Pages.cell(row, f.suppressed ? `färre än ${report.suppressBelow}` : Pages.number(f.count), 'number');
            Pages.cell(row, f.suppressed ? '' : Pages.number(f.cost), 'number');
        }

        document.getElementById('suppression').textContent =
            `Antal under ${report.suppressBelow} visas inte, så att ingen person kan kännas igen. Källor: ${report.sources.join(', ')}.`;
        const referrals = series(report.figures, 'referrals', false);
        draw('chart-referrals', 'bar', referrals.periods, referrals.datasets);
        const followUps = series(report.figures, 'followUps', true);
        draw('chart-followups', 'bar', followUps.periods, followUps.datasets);
        const started = series(report.figures, 'interventionsStarted', true);
        draw('chart-started', 'bar', started.periods, started.datasets);
        const closures = report.figures.filter(f => f.measure === 'closures' && shown(f));
        const outcomes = [...new Set(closures.map(f => f.category))];
        draw('chart-closures', 'bar', outcomes, [{ label: 'Avslut', data: outcomes.map(o => closures.filter(f => f.category === o).reduce((s, f) => s + f.count, 0)) }]);
    }

    async function load() {
        const district = form.district.value.trim().toLowerCase();
        const query = new URLSearchParams({ from: form.from.value, to: form.to.value, period: form.period.value, groupBy: 'District' });
        if (district) {
            query.set('district', district);
        }

        try {
            const [inbox, report] = await Promise.all([
                Pages.api(`/api/follow-ups/districts/${encodeURIComponent(district)}`),
                Pages.api(`/api/statistics?${query}`),
            ]);
            document.getElementById('message').hidden = true;
            fillDeadlines('overdue', inbox.overdue, true);
            fillDeadlines('due', inbox.due, false);
            fillFigures(report);
            csvQuery = query;
        } catch (error) {
            if (error.status) {
                Pages.showMessage(error.message, false);
            }
        }
    }

    document.getElementById('csv').addEventListener('click', event => {
        event.preventDefault();
        if (csvQuery) {
            Pages.download(`/api/statistics/export.csv?${csvQuery}`, `statistik-${form.from.value}-${form.to.value}.csv`);
        }
    });

    form.addEventListener('submit', event => {
        event.preventDefault();
        load();
    });

    (async () => {
        const today = new Date();
        const to = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1));
        const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
        form.to.value = to.toISOString().slice(0, 10);
        form.from.value = from.toISOString().slice(0, 10);
        const me = await Pages.signedInUser();
        form.district.value = me.district ?? '';
        await load();
    })();
})();
