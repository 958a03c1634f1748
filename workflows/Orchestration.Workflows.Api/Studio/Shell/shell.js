// The Studio shell: what the Elsa Studio custom-elements bundle lacks (ELSA-API.md §1.2, §1.3): sign-in with token
// refresh and sign-out, navigation between the four views, and the backend address and token on each element.
// One Studio element per page load: swapping elements inside one page breaks MudBlazor's popovers (§1.2).
(() => {
    'use strict';

    const api = `${location.origin}/elsa/api`;
    const sessionKey = 'orchestration.studio.session';
    // Refresh this long before the access token expires, so that no Studio call ever carries an expired token.
    const refreshLeadMs = 60_000;

    const views = {
        definitions: { tag: 'elsa-workflow-definition-list', nav: 'nav-definitions' },
        editor: { tag: 'elsa-workflow-definition-editor', nav: 'nav-definitions', attribute: 'definition-id', parameter: 'definitionId' },
        instances: { tag: 'elsa-workflow-instance-list', nav: 'nav-instances' },
        instance: { tag: 'elsa-workflow-instance-viewer', nav: 'nav-instances', attribute: 'instance-id', parameter: 'instanceId' },
    };

    // The scripts of the bundle's own sample page, in its order; Blazor starts when the last one loads.
    const bundleScripts = [
        '_content/BlazorMonaco/jsInterop.js',
        '_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js',
        '_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js',
        '_content/MudBlazor/MudBlazor.min.js',
        '_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js',
        '_content/Radzen.Blazor/Radzen.Blazor.js',
        '_framework/blazor.webassembly.js',
    ];

    const byId = id => document.getElementById(id);
    // The shell's own calls bypass the token handling below, so a refused refresh cannot loop.
    const rawFetch = window.fetch.bind(window);
    let studioElement = null;
    let refreshTimer = null;
    let refreshing = null;

    const session = {
        load() {
            try {
                return JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null');
            } catch {
                return null;
            }
        },
        save(value) { sessionStorage.setItem(sessionKey, JSON.stringify(value)); },
        clear() { sessionStorage.removeItem(sessionKey); },
    };

    function navigate(view, parameters = {}) {
        const query = new URLSearchParams({ view, ...parameters });
        location.assign(`./?${query}`);
    }

    async function post(path, body) {
        return rawFetch(`${api}${path}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
        });
    }

    async function problemText(response) {
        try {
            const problem = await response.json();
            return problem.detail ?? problem.title ?? `${response.status}`;
        } catch {
            return `${response.status} ${response.statusText}`;
        }
    }

    function claimsOf(token) {
        try {
            const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            return JSON.parse(atob(payload));
        } catch {
            return {};
        }
    }

    function remember(userName, tokens) {
        const value = {
            userName,
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
            expiresAt: tokens.expiresAt,
        };
        session.save(value);
        return value;
    }

    // One refresh at a time: a refresh token works once, and presenting a used one ends the account's sessions.
    function refresh(current) {
        refreshing ??= renew(current).finally(() => { refreshing = null; });
        return refreshing;
    }

    async function renew(stale) {
        // Always the newest refresh token: an older one may already have been used.
        const current = session.load() ?? stale;
        const response = await post('/identity/refresh-token', { refreshToken: current.refreshToken });
        if (!response.ok) {
            session.clear();
            return null;
        }

        const renewed = remember(current.userName, await response.json());
        studioElement?.setAttribute('access-token', renewed.accessToken);
        scheduleRefresh(renewed);
        return renewed;
    }

    function scheduleRefresh(current) {
        clearTimeout(refreshTimer);
        const due = Math.max(new Date(current.expiresAt).getTime() - Date.now() - refreshLeadMs, 5_000);
        refreshTimer = setTimeout(async () => {
            if (!await refresh(current)) {
                showLogin('Your session has ended; sign in again.');
            }
        }, due);
    }

    function showLogin(message) {
        byId('shell-bar').hidden = true;
        byId('shell-view').hidden = true;
        byId('shell-login').hidden = false;
        const error = byId('login-error');
        error.textContent = message ?? '';
        error.hidden = !message;
        byId('login-username').focus();
    }

    async function onLogin(event) {
        event.preventDefault();
        const userName = byId('login-username').value.trim();
        const password = byId('login-password').value;
        const response = await post('/identity/login', { username: userName, password });
        if (!response.ok) {
            showLogin(await problemText(response));
            return;
        }

        remember(userName, await response.json());
        // A fresh page load boots Blazor with the token already on the element.
        location.reload();
    }

    async function onLogout() {
        const current = session.load();
        session.clear();
        if (current?.refreshToken) {
            await post('/identity/logout', { refreshToken: current.refreshToken });
        }

        location.assign('./');
    }

    // Studio copies the access-token attribute once at start and does not notice later changes, so the shell puts
    // the current token on each of its API calls (Blazor's HttpClient uses fetch), and after a 401 refreshes once
    // and repeats the call.
    function authorizeStudioCalls() {
        window.fetch = async (input, init) => {
            const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
            if (!url.startsWith(`${api}/`) || !(typeof input === 'string' || input instanceof URL)) {
                return rawFetch(input, init);
            }

            const send = () => {
                const headers = new Headers(init?.headers);
                const current = session.load();
                if (current) {
                    headers.set('Authorization', `Bearer ${current.accessToken}`);
                }

                return rawFetch(input, { ...init, headers });
            };
            const response = await send();
            const current = session.load();
            if (response.status !== 401 || !current) {
                return response;
            }

            return await refresh(current) ? send() : response;
        };
    }

    function loadScript(src) {
        return new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = resolve;
            script.onerror = () => reject(new Error(`Could not load ${src}`));
            document.body.appendChild(script);
        });
    }

    // Where the bundle has no callback (the editor's Run button, links inside the viewer), Studio navigates with
    // Blazor's NavigationManager to the routes of the full Studio app, which this bundle does not have. Those
    // in-page navigations go through history.pushState; we turn them into our views.
    const studioRoutes = [
        [/workflows\/instances\/([^/?#]+)\/view/, id => ['instance', { instanceId: decodeURIComponent(id) }]],
        [/workflows\/definitions\/([^/?#]+)\/edit/, id => ['editor', { definitionId: decodeURIComponent(id) }]],
        [/workflows\/instances\/?$/, () => ['instances', {}]],
        [/workflows\/definitions\/?$/, () => ['definitions', {}]],
    ];

    function followStudioNavigation() {
        for (const method of ['pushState', 'replaceState']) {
            const original = history[method].bind(history);
            history[method] = (state, title, url) => {
                const target = url ? new URL(url, document.baseURI) : null;
                const route = target && studioRoutes.find(([pattern]) => pattern.test(target.pathname));
                if (route) {
                    const [view, parameters] = route[1](target.pathname.match(route[0])[1]);
                    navigate(view, parameters);
                    return;
                }

                original(state, title, url);
            };
        }
    }

    function wireCallbacks(view, element) {
        // Callbacks must be set after the tag is defined, or they shadow Blazor's setters and are never called (§1.2).
        switch (view) {
            case 'definitions':
                element.editWorkflowDefinition = definitionId => navigate('editor', { definitionId });
                break;
            case 'instances':
                element.viewWorkflowInstance = instanceId => navigate('instance', { instanceId });
                break;
            case 'instance':
                element.editWorkflowDefinition = definitionId => navigate('editor', { definitionId });
                break;
        }
    }

    async function showView(current) {
        const parameters = new URLSearchParams(location.search);
        const viewName = views[parameters.get('view')] ? parameters.get('view') : 'definitions';
        const view = views[viewName];

        const claims = claimsOf(current.accessToken);
        const roles = [].concat(claims.role ?? []);
        byId('shell-user').textContent = `${current.userName}${roles.length ? ` (${roles.join(', ')})` : ''}`;
        byId(view.nav).classList.add('active');
        byId('shell-login').hidden = true;
        byId('shell-bar').hidden = false;
        const container = byId('shell-view');
        container.hidden = false;

        const element = document.createElement(view.tag);
        element.setAttribute('remote-endpoint', api);
        element.setAttribute('access-token', current.accessToken);
        if (view.attribute) {
            const value = parameters.get(view.parameter);
            if (!value) {
                navigate(viewName === 'editor' ? 'definitions' : 'instances');
                return;
            }

            element.setAttribute(view.attribute, value);
        }

        container.appendChild(element);
        studioElement = element;
        followStudioNavigation();
        authorizeStudioCalls();
        scheduleRefresh(current);

        for (const src of bundleScripts) {
            await loadScript(src);
        }

        await customElements.whenDefined(view.tag);
        wireCallbacks(viewName, element);
        document.body.dataset.studioReady = viewName;
    }

    async function start() {
        byId('login-form').addEventListener('submit', onLogin);
        byId('shell-logout').addEventListener('click', onLogout);

        let current = session.load();
        if (!current) {
            showLogin();
            return;
        }

        if (new Date(current.expiresAt).getTime() - Date.now() < refreshLeadMs) {
            current = await refresh(current);
            if (!current) {
                showLogin('Your session has ended; sign in again.');
                return;
            }
        }

        try {
            await showView(current);
        } catch (error) {
            const message = byId('shell-message');
            message.textContent = `The designer could not start: ${error.message}`;
            message.hidden = false;
        }
    }

    start();
})();
