// Shared by the pages: the Studio shell's sign-in (its session in this tab, refreshed before it expires), API calls with the token, and Swedish
// formatting of dates and numbers. No inline script anywhere: the CSP of /pages allows only these files.
'use strict';

const Pages = (() => {
    const sessionKey = 'orchestration.studio.session';
    const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat('sv-SE');

    // Refresh this long before the access token expires, as the Studio shell does, so that no call carries an expired token.
    const refreshLeadMs = 60_000;
    let refreshing = null;
    let refreshTimer = null;

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

    // One refresh at a time: a refresh token works once, and presenting a used one ends every session of the account.
    function refresh(stale) {
        refreshing ??= renew(stale).finally(() => { refreshing = null; });
        return refreshing;
    }

    async function renew(stale) {
        // Always the newest refresh token in the tab's session (the shell's or ours): an older one may already be used.
        const current = session() ?? stale;
        if (!current?.refreshToken) {
            return null;
        }

        const response = await fetch('/elsa/api/identity/refresh-token', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ refreshToken: current.refreshToken }),
        });
        if (!response.ok) {
            sessionStorage.removeItem(sessionKey);
            return null;
        }

        const tokens = await response.json();
        const renewed = { userName: current.userName, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt };
        sessionStorage.setItem(sessionKey, JSON.stringify(renewed));
        scheduleRefresh(renewed);
        return renewed;
    }

    function scheduleRefresh(current) {
        clearTimeout(refreshTimer);
        const due = Math.max(new Date(current.expiresAt).getTime() - Date.now() - refreshLeadMs, 5_000);
        refreshTimer = setTimeout(async () => {
            if (!await refresh(current)) {
                showMessage('Inloggningen har gått ut.', true);
            }
        }, due);
    }

    /** The session with an access token that is valid for at least a minute more (refreshed first if not); null when signed out. */
    async function validSession() {
        const current = session();
        if (!current?.accessToken) {
            return null;
        }

        if (new Date(current.expiresAt).getTime() - Date.now() < refreshLeadMs) {
            return await refresh(current);
        }

        if (refreshTimer === null) {
            scheduleRefresh(current);
        }

        return current;
    }

    async function api(path, options = {}) {
        let current = await validSession();
        if (!current) {
            showMessage('Du är inte inloggad.', true);
            throw new Error('not signed in');
        }

        const send = token => fetch(path, {
            ...options,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(options.headers ?? {}) },
        });
        let response = await send(current.accessToken);
        if (response.status === 401) {
            // Revoked or expired early (e.g. the machine slept past the timer): refresh once and try again.
            current = await refresh(current);
            response = current ? await send(current.accessToken) : response;
        }

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
        const current = await validSession();
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

    const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });
    const dateTime = value => value ? dateTimeFormat.format(new Date(value)) : '';
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

    return { api, download, date, dateTime, number, cell, stage, showMessage, signedInUser };
})();
