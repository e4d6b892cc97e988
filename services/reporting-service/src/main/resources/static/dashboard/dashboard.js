'use strict';
/*
 * The planners' dashboard: one area's figures, kept live from GET /figures/live (server-sent events read with
 * fetch, because EventSource cannot send the bearer token). The figures documents are rendered as they come:
 * counts become key figures, maps of counts become a chart and a table, lists become tables. Withheld
 * (suppressed) cells are marked, never drawn as a number or a bar.
 */
(() => {
  const TOKEN_KEY = 'ddesk.dashboard.token';
  const SIGN_IN_KEY = 'ddesk.dashboard.signIn';
  const ID_TOKEN_KEY = 'ddesk.dashboard.idToken';
  const RECONNECT_MS = 2000;
  const HIDDEN_FIELDS = new Set(['area', 'name', 'level']);
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const charts = new Map();
  let token = null;
  let stream = null;
  let reconnect = null;

  const $ = id => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    children.flat().forEach(child => element.append(child instanceof Node ? child : String(child)));
    return element;
  }

  /** byTopic -> "By topic"; REFERRAL_PENDING -> "Referral pending"; country codes -> country names. */
  function label(key, field) {
    if (field === 'destinationCountry' && key === 'OTHER') {
      return 'Other countries';
    }
    if (field === 'destinationCountry' && /^[A-Z]{2}$/.test(key)) {
      return countryNames.of(key) || key;
    }
    const words = /^[A-Z0-9_]+$/.test(key) ? key.toLowerCase().replaceAll('_', ' ')
      : key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  const isCell = value => value !== null && typeof value === 'object' && 'suppressed' in value && 'value' in value;
  const isCellMap = value => value !== null && typeof value === 'object' && !Array.isArray(value)
    && !('suppressed' in value) && Object.values(value).every(isCell);

  function cell(value, field) {
    if (value === null || value === undefined) {
      return el('span', { class: 'cell' }, '–');
    }
    if (isCell(value)) {
      return value.suppressed
        ? el('span', { class: 'cell suppressed', title: 'Withheld so that no figure points to a person' }, 'withheld')
        : el('span', { class: 'cell' }, value.value.toLocaleString('en'));
    }
    if (typeof value === 'number') {
      return el('span', { class: 'cell' }, field?.endsWith('Rate') ? percent(value) : value.toLocaleString('en'));
    }
    if (isCellMap(value)) {
      return Object.entries(value).map(([key, count], index) =>
        el('span', {}, index ? ', ' : '', label(key), ' ', cell(count)));
    }
    return el('span', { class: 'cell' }, String(value));
  }

  const percent = rate => (rate * 100).toFixed(1) + ' %';

  function keyFigure(kind, field, value, title) {
    return el('div', { class: 'kpi', 'data-figure': kind + '.' + field },
      el('div', { class: 'label' }, title || label(field)), el('div', { class: 'value' }, cell(value, field)));
  }

  /** Timings such as {medianMinutes, p90Minutes, suppressed}: one key figure per time. */
  function timings(kind, field, value) {
    return Object.entries(value).filter(([name]) => name !== 'suppressed').map(([name, minutes]) =>
      keyFigure(kind, field + '.' + name, value.suppressed ? { value: null, suppressed: true } : minutes,
        label(field) + ': ' + label(name).toLowerCase()));
  }

  function breakdown(kind, id, title, counts, field) {
    const canvas = el('canvas', {});
    const rows = Object.entries(counts).map(([key, count]) =>
      el('tr', { 'data-key': key }, el('td', {}, label(key, field)), el('td', { class: 'number' }, cell(count))));
    const block = el('div', { class: 'breakdown', 'data-breakdown': kind + '.' + id }, el('h3', {}, title),
      rows.length ? [el('div', { class: 'chart' }, canvas), el('table', {}, el('tbody', {}, rows))]
        : el('p', {}, 'None yet.'));
    if (rows.length) {
      draw(kind + '.' + id, canvas, Object.entries(counts).map(([key, count]) =>
        ({ label: label(key, field) + (count.suppressed ? ' (withheld)' : ''), value: count.value })));
    }
    return block;
  }

  function draw(id, canvas, bars) {
    if (!window.Chart) {
      return;
    }
    charts.get(id)?.destroy();
    charts.set(id, new window.Chart(canvas, {
      type: 'bar',
      data: { labels: bars.map(bar => bar.label), datasets: [{ data: bars.map(bar => bar.value),
        backgroundColor: '#2e75b6' }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
  }

  function listing(kind, field, items) {
    // Columns that no row fills (the breakdowns of the areas below, which are given for the area only) are left out.
    const columns = Object.keys(items[0] || {}).filter(name => name !== 'level' && items.some(item =>
      item[name] !== null && !(Array.isArray(item[name]) && item[name].length === 0)));
    const head = el('tr', {}, columns.map(name => el('th', {}, label(name))));
    const rows = items.map(item => el('tr', { 'data-key': item.area || item.sessionId || item.campaignId || '' },
      columns.map(name => el('td', { class: typeof item[name] === 'string' ? '' : 'number' },
        cell(item[name], name)))));
    return el('div', { class: 'listing', 'data-listing': kind + '.' + field },
      el('h3', {}, field === 'below' ? 'Areas below' : label(field)),
      items.length ? el('table', {}, el('thead', {}, head), el('tbody', {}, rows)) : el('p', {}, 'None yet.'));
  }

  function render(kind, figures) {
    const section = $(kind);
    if (!section) {
      return;
    }
    const keyFigures = el('div', { class: 'kpis' });
    const breakdowns = el('div', { class: 'breakdowns' });
    const listings = el('div', {});
    for (const [field, value] of Object.entries(figures)) {
      if (HIDDEN_FIELDS.has(field) || value === null && !field.endsWith('Rate')) {
        continue;
      }
      if (isCell(value) || typeof value === 'number' || value === null) {
        keyFigures.append(keyFigure(kind, field, value));
      }
      else if (Array.isArray(value)) {
        listings.append(listing(kind, field, value));
        const first = Object.keys(value[0] || {}).find(name => isCell(value[0][name]));
        if (field === 'below' && first) {
          breakdowns.append(breakdown(kind, 'below', label(first) + ' by area below',
            Object.fromEntries(value.map(unit => [unit.name, unit[first]]))));
        }
      }
      else if (isCellMap(value)) {
        breakdowns.append(breakdown(kind, field, label(field), value, field));
      }
      else if ('suppressed' in value) {
        keyFigures.append(...timings(kind, field, value));
      }
      else {
        // A group of breakdowns, such as migrantsBy: one block per dimension.
        Object.entries(value).forEach(([dimension, counts]) => breakdowns.append(
          breakdown(kind, field + '.' + dimension, label(field) + ' ' + label(dimension).toLowerCase(), counts,
            dimension)));
      }
    }
    const heading = section.querySelector('h2');
    heading.textContent = heading.dataset.title + ' · ' + figures.name;
    section.querySelector('.body').replaceChildren(keyFigures, breakdowns, listings);
    section.hidden = false;
    $('legend').hidden = false;
  }

  function status(text, state) {
    $('status').textContent = text;
    $('status').className = state || '';
  }

  function stop() {
    clearTimeout(reconnect);
    stream?.abort();
    stream = null;
  }

  async function follow(area) {
    stop();
    const controller = new AbortController();
    stream = controller;
    status('Connecting…');
    try {
      const response = await fetch('/figures/live?area=' + encodeURIComponent(area), {
        headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok) {
        await refused(response);
        return;
      }
      status('Live', 'live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += chunk.value.replaceAll('\r\n', '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          received(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    }
    catch (error) {
      if (controller.signal.aborted) {
        return;
      }
    }
    if (!controller.signal.aborted) {
      status('Connection lost; reconnecting…', 'error');
      reconnect = setTimeout(() => follow(area), RECONNECT_MS);
    }
  }

  function received(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      }
      else if (line.startsWith('data:')) {
        data.push(line.slice(5));
      }
    }
    if (data.length) {
      render(name, JSON.parse(data.join('\n')));
      status('Live · updated ' + new Date().toLocaleTimeString('en-GB'), 'live');
    }
  }

  /** A 4xx answer: an RFC 9457 problem; an expired or wrong token sends the planner back to sign in. */
  async function refused(response) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      signIn('Your sign-in has expired or was refused (' + (problem.detail || 'not valid') + '). Sign in again.');
      return;
    }
    status(problem.detail || problem.title || 'Refused: HTTP ' + response.status, 'error');
  }

  function claims() {
    try {
      const payload = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    }
    catch (error) {
      return {};
    }
  }

  /** The legend says what the service's disclosure policy does, with its own k and rounding base. */
  async function describePolicy() {
    const response = await fetch('/figures/disclosure', { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) {
      return;
    }
    const policy = await response.json();
    document.querySelectorAll('[data-policy]').forEach(span => { span.textContent = policy[span.dataset.policy]; });
    document.querySelector('[data-policy-rounded]').hidden = policy.roundingBase <= 1;
    document.querySelector('[data-policy-grouped]').hidden = policy.rareBelow <= 0;
  }

  async function chooseArea() {
    describePolicy();
    const response = await fetch('/territory', { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) {
      await refused(response);
      return;
    }
    const units = (await response.json()).units;
    const own = claims().region || claims().municipality;
    const visible = own ? units.filter(unit => unit.code === own || unit.parent === own) : units;
    const select = $('area');
    select.replaceChildren(...visible.map(unit => el('option', { value: unit.code },
      (unit.level === 'municipality' ? '\u2003' : '') + unit.name + ' (' + unit.level + ')')));
    const wanted = new URLSearchParams(location.search).get('area');
    select.value = visible.some(unit => unit.code === wanted) ? wanted : own || visible[0]?.code;
    select.onchange = () => {
      history.replaceState(null, '', '?area=' + encodeURIComponent(select.value));
      follow(select.value);
    };
    $('area-picker').hidden = false;
    follow(select.value);
  }

  function signIn(message) {
    stop();
    $('sign-in').hidden = false;
    $('signed-in').hidden = true;
    $('area-picker').hidden = true;
    status(message || 'Not signed in', message ? 'error' : '');
  }

  function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_')
      .replace(/=+$/, '');
  }

  /** The issuer's endpoints, from its OpenID discovery document. */
  async function issuer() {
    const signInAt = await (await fetch('/dashboard/sign-in')).json();
    const discovery = await (await fetch(signInAt.issuer + '/.well-known/openid-configuration')).json();
    return { ...discovery, clientId: signInAt.clientId };
  }

  function here() {
    return location.origin + location.pathname;
  }

  /**
   * Sends the planner to the issuer's sign-in (the authorization code flow with PKCE: the verifier stays in this tab
   * and only its hash travels), coming back to this page with a code.
   */
  async function goSignIn() {
    const provider = await issuer();
    const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
    const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({ verifier, state, area: $('area').value || null }));
    location.assign(provider.authorization_endpoint + '?' + new URLSearchParams({ response_type: 'code',
      client_id: provider.clientId, redirect_uri: here(), scope: 'openid', state, code_challenge: challenge,
      code_challenge_method: 'S256' }));
  }

  /** Back from the sign-in with a code: exchanged for the token, and taken out of the address bar. */
  async function finishSignIn(query) {
    const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || 'null');
    sessionStorage.removeItem(SIGN_IN_KEY);
    history.replaceState(null, '', location.pathname + (pending?.area ? '?area=' + encodeURIComponent(pending.area) : ''));
    if (!pending || pending.state !== query.get('state')) {
      signIn('The sign-in did not come from this page. Sign in again.');
      return;
    }
    const provider = await issuer();
    const response = await fetch(provider.token_endpoint, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code'), redirect_uri: here(),
        client_id: provider.clientId, code_verifier: pending.verifier }) });
    if (!response.ok) {
      signIn('The sign-in could not be completed (HTTP ' + response.status + '). Sign in again.');
      return;
    }
    const tokens = await response.json();
    token = tokens.access_token;
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ID_TOKEN_KEY, tokens.id_token || '');
    showSignedIn();
  }

  function showSignedIn() {
    $('sign-in').hidden = true;
    $('signed-in').hidden = false;
    $('who').textContent = claims().name || claims().preferred_username || claims().sub || '';
    chooseArea();
  }

  /** Ends the session at the issuer too, so that the next sign-in asks for the password again. */
  async function signOut() {
    const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ID_TOKEN_KEY);
    token = null;
    stop();
    const provider = await issuer();
    if (!provider.end_session_endpoint || !idToken) {
      signIn('Signed out');
      return;
    }
    location.assign(provider.end_session_endpoint + '?' + new URLSearchParams({ id_token_hint: idToken,
      post_logout_redirect_uri: here(), client_id: provider.clientId }));
  }

  function start() {
    $('sign-in-button').onclick = goSignIn;
    $('sign-out').onclick = signOut;
    const query = new URLSearchParams(location.search);
    if (query.has('code') || query.has('error')) {
      if (query.has('error')) {
        history.replaceState(null, '', location.pathname);
        signIn('The sign-in was refused (' + query.get('error') + '). Sign in again.');
        return;
      }
      finishSignIn(query);
      return;
    }
    token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      showSignedIn();
    }
    else {
      signIn();
    }
  }

  start();
})();
