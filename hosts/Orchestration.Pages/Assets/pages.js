// Shared by the pages: the Studio shell's sign-in (its session in this tab), API calls with the token, and Swedish
// formatting of dates and numbers. No inline script anywhere: the CSP of /pages allows only these files.
'use strict';

const Pages = (() => {
    const sessionKey = 'orchestration.studio.session';
    const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat('sv-SE');

    function session() {
        try {
            return JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null');
        } catch {
            return null;
        }
    }

    function showMessage(text, withSignIn) {
        const box = document.getElementById('message');
        box.hidden = false;
        box.textContent = text + ' ';
        if (withSignIn) {
            const link = document.createElement('a');
            link.href = '/studio/';
            link.textContent = 'Logga in';
            box.append(link);
        }
    }

    async function api(path, options = {}) {
        const current = session();
        if (!current?.accessToken) {
            showMessage('Du är inte inloggad.', true);
            throw new Error('not signed in');
        }

        const response = await fetch(path, {
            ...options,
            headers: { Authorization: `Bearer ${current.accessToken}`, 'Content-Type': 'application/json', ...(options.headers ?? {}) },
        });
        if (response.status === 401) {
            showMessage('Inloggningen har gått ut.', true);
            throw new Error('signed out');
        }

        const body = response.status === 204 ? null : await response.json().catch(() => null);
        if (!response.ok) {
            const error = new Error(body?.detail ?? body?.title ?? `Fel ${response.status}`);
            error.status = response.status;
            error.problem = body;
            throw error;
        }

        return body;
    }

    /** Downloads an API answer (e.g. CSV) with the token, which a plain link could not carry. */
    async function download(path, fileName) {
        const current = session();
        const response = await fetch(path, { headers: { Authorization: `Bearer ${current?.accessToken ?? ''}` } });
        if (!response.ok) {
            showMessage(`Nedladdningen misslyckades (${response.status}).`, response.status === 401);
            return;
        }

        const link = document.createElement('a');
        link.href = URL.createObjectURL(await response.blob());
        link.download = fileName;
        link.click();
        URL.revokeObjectURL(link.href);
    }

    const date = value => value ? dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00` : value)) : '';
    const number = value => value === null || value === undefined ? '' : numberFormat.format(value);

    function cell(row, text, className) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) {
            td.className = className;
        }

        row.append(td);
        return td;
    }

    const stages = {
        Applied: 'Ansökan registrerad', MappingPart1Completed: 'Kartläggning del 1 klar', TargetGroupScreened: 'Målgruppsbedömd',
        MappingPart3Completed: 'Kartläggning del 3 klar', JobbtorgIntakeCompleted: 'Inskriven på Jobbtorg', SupportObstacleRecorded: 'Försörjningshinder bedömt',
        FiaSocialPartCompleted: 'FIA social del klar', FiaJobPartRequested: 'FIA arbetsdel begärd', FiaJobPartCompleted: 'FIA arbetsdel klar',
        RouteDecided: 'Vägval beslutat', ReReferred: 'Återremitterad', InterventionStarted: 'Stadsdelsinsats påbörjad',
        JobbtorgInterventionStarted: 'Jobbtorgsinsats påbörjad', TransferToResursDecided: 'Överföring till Resurs beslutad',
        ResursIntakeCompleted: 'Inskriven på Jobbtorg Resurs', Closed: 'Avslutat',
    };
    const stage = value => value ? (stages[value] ?? value) : 'Okänt';

    async function signedInUser() {
        const me = await api('/api/access/me');
        document.getElementById('user').textContent = `${me.name}${me.district ? ` (${me.district})` : ''}`;
        return me;
    }

    return { api, download, date, number, cell, stage, showMessage, signedInUser };
})();
