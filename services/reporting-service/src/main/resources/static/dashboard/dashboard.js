'use strict';
/*
 * The planners' dashboard: one area's figures, kept live from GET /figures/live (server-sent events; signing in and
 * reading the stream with the token: /desk-web/sign-in.js). The figures documents are rendered as they come:
 * counts become key figures, maps of counts become a chart and a table, lists become tables. Withheld
 * (suppressed) cells are marked, never drawn as a number or a bar. Below them, the area's last twelve months
 * (GET /figures/over-time), signed-off months as approved beside what arrived later, and a planner's sign-off of an
 * ended month of their own area (POST /sign-offs).
 */
(() => {
  const { $, el, time, status, problem } = DeskScreen;
  const t = DeskScreen.texts(window.DeskTexts);
  const HIDDEN_FIELDS = new Set(['area', 'name', 'level']);
  const countryNames = new Intl.DisplayNames([document.documentElement.lang, 'en'], { type: 'region' });
  const charts = new Map();
  let session = null;
  let stream = null;

  const api = DeskScreen.api(() => session);
  const MONTHS_SHOWN = 12;
  let country = null;

  /**
   * byTopic -> "By topic"; REFERRAL_PENDING -> "Referral pending"; country codes -> country names; in the page's
   * language where texts.js has the label.
   */
  function label(key, field) {
    if (field === 'destinationCountry' && key === 'OTHER') {
      return t('Other countries');
    }
    if (field === 'destinationCountry' && /^[A-Z]{2}$/.test(key)) {
      return countryNames.of(key) || key;
    }
    const words = /^[A-Z0-9_]+$/.test(key) ? key.toLowerCase().replaceAll('_', ' ')
      : key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return t(words.charAt(0).toUpperCase() + words.slice(1));
  }

  const isCell = value => value !== null && typeof value === 'object' && 'suppressed' in value && 'value' in value;
  const isCellMap = value => value !== null && typeof value === 'object' && !Array.isArray(value)
    && !('suppressed' in value) && Object.values(value).every(isCell);
  /** Key figures of one group of people with a rate among them, such as the families at home: one figure each. */
  const isFigureGroup = value => value !== null && typeof value === 'object' && !Array.isArray(value)
    && Object.entries(value).every(([name, figure]) => isCell(figure) || figure === null || typeof figure === 'number')
    && Object.keys(value).some(name => name.endsWith('Rate'));

  function cell(value, field) {
    if (value === null || value === undefined) {
      return el('span', { class: 'cell' }, '–');
    }
    if (isCell(value)) {
      return value.suppressed
        ? el('span', { class: 'cell suppressed', title: t('Withheld so that no figure points to a person') },
          t('withheld'))
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
        label(field) + ': ' + label(name).toLocaleLowerCase()));
  }

  function breakdown(kind, id, title, counts, field) {
    const canvas = el('canvas', {});
    const rows = Object.entries(counts).map(([key, count]) =>
      el('tr', { 'data-key': key }, el('td', {}, label(key, field)), el('td', { class: 'number' }, cell(count))));
    const block = el('div', { class: 'breakdown', 'data-breakdown': kind + '.' + id }, el('h3', {}, title),
      rows.length ? [el('div', { class: 'chart' }, canvas), el('table', {}, el('tbody', {}, rows))]
        : el('p', {}, t('None yet.')));
    if (rows.length) {
      draw(kind + '.' + id, canvas, Object.entries(counts).map(([key, count]) =>
        ({ label: label(key, field) + (count.suppressed ? ' (' + t('withheld') + ')' : ''), value: count.value })));
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
      el('h3', {}, field === 'below' ? t('Areas below') : label(field)),
      items.length ? el('table', {}, el('thead', {}, head), el('tbody', {}, rows)) : el('p', {}, t('None yet.')));
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
          breakdowns.append(breakdown(kind, 'below', t('{0} by area below', label(first)),
            Object.fromEntries(value.map(unit => [unit.name, unit[first]]))));
        }
      }
      else if (isFigureGroup(value)) {
        Object.entries(value).forEach(([name, figure]) => keyFigures.append(keyFigure(kind, field + '.' + name,
          figure, label(field) + ': ' + label(name).toLocaleLowerCase())));
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
          breakdown(kind, field + '.' + dimension, label(field) + ' ' + label(dimension).toLocaleLowerCase(), counts,
            dimension)));
      }
    }
    const heading = section.querySelector('h2');
    heading.textContent = t(heading.dataset.title) + ' · ' + figures.name;
    section.querySelector('.body').replaceChildren(keyFigures, breakdowns, listings);
    section.hidden = false;
    $('legend').hidden = false;
  }

  const monthName = period => new Date(period + '-01T12:00:00Z').toLocaleDateString(
    document.documentElement.lang === 'en' ? 'en-GB' : document.documentElement.lang,
    { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const isoDate = date => date.toISOString().slice(0, 10);

  /** A planner signs off months of their own area: a regional planner their region, a national planner the country. */
  function maySignOff(area) {
    const claims = session.claims();
    const roles = claims.roles || [];
    return roles.includes('REGIONAL_PLANNER') && area === claims.region
      || roles.includes('NATIONAL_PLANNER') && area === country;
  }

  function periodState(period) {
    if (period.status === 'SIGNED_OFF') {
      return t('Signed off by {0} on {1}', period.signedOffBy, time(period.signedOffAt));
    }
    return period.status === 'IN_PROGRESS' ? t('Month running') : t('Provisional: not signed off');
  }

  function lateArrivals(period) {
    const late = period.lateAdjustment;
    return late ? [t('migrants') + ' ', cell(late.migrantsRecorded), ', ' + t('households') + ' ',
      cell(late.householdsRecorded), ', ' + t('tickets') + ' ', cell(late.ticketsOpened)] : '';
  }

  /** The area's last twelve months, signed-off ones as approved, with a sign-off for an ended month not yet signed. */
  async function showMonths(area) {
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (MONTHS_SHOWN - 1), 1));
    const answer = await api('/figures/over-time?' + new URLSearchParams({ area, interval: 'month', from: isoDate(from),
      to: isoDate(today) }));
    const section = $('over-time');
    if (!answer.ok) {
      section.hidden = true;
      return;
    }
    const months = answer.body.periods;
    const heading = section.querySelector('h2');
    heading.textContent = t(heading.dataset.title) + ' · ' + answer.body.name;
    section.querySelector('tbody').replaceChildren(...months.slice().reverse().map(period => el('tr',
      { 'data-period': period.period, class: period.status.toLowerCase() },
      el('td', {}, monthName(period.period)), el('td', { class: 'state' }, periodState(period)),
      el('td', { class: 'number' }, cell(period.figures.migrantsRecorded)),
      el('td', { class: 'number' }, cell(period.figures.householdsRecorded)),
      el('td', { class: 'number' }, cell(period.figures.ticketsOpened)), el('td', {}, lateArrivals(period)),
      el('td', {}, period.status === 'OPEN' && maySignOff(area) ? signOffButton(area, period.period) : ''))));
    draw('over-time', section.querySelector('canvas'), months.map(period => ({
      label: monthName(period.period) + (period.figures.migrantsRecorded.suppressed ? ' (' + t('withheld') + ')' : ''),
      value: period.figures.migrantsRecorded.value })));
    section.hidden = false;
  }

  function signOffButton(area, period) {
    const button = el('button', { type: 'button', class: 'sign-off' }, t('Sign off'));
    button.onclick = async () => {
      const answer = await api('/sign-offs', { method: 'POST', body: { area, period } });
      $('over-time').querySelector('.result').textContent = answer.ok
        ? t('{0} signed off: its figures are published as approved from now on.', monthName(period))
        : problem(answer);
      if (answer.ok) {
        showMonths(area);
      }
    };
    return button;
  }

  function stop() {
    stream?.abort();
    stream = null;
  }

  function follow(area) {
    stop();
    stream = new AbortController();
    status(t('Connecting…'));
    session.stream('/figures/live?area=' + encodeURIComponent(area), { signal: stream.signal, onEvent: received,
      onRefused: (code, refusal) => status(refusal.detail || refusal.title || t('Refused: HTTP {0}', code), 'error'),
      onLost: () => status(t('Connection lost; reconnecting…'), 'error') });
  }

  function received(name, figures) {
    if (name === 'open') {
      status(t('Live'), 'live');
      return;
    }
    render(name, figures);
    status(t('Live') + ' · ' + t('updated {0}', new Date().toLocaleTimeString('en-GB')), 'live');
  }

  /** A 4xx answer: an RFC 9457 problem; an expired or wrong token sends the planner back to sign in. */
  async function refused(response) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401) {
      session.expired(problem.detail);
      return;
    }
    status(problem.detail || problem.title || t('Refused: HTTP {0}', response.status), 'error');
  }

  /** The legend says what the service's disclosure policy does, with its own k and rounding base. */
  async function describePolicy() {
    const response = await fetch('/figures/disclosure', { headers: { Authorization: 'Bearer ' + session.token() } });
    if (!response.ok) {
      return;
    }
    const policy = await response.json();
    const legend = name => document.querySelector('[data-legend="' + name + '"]');
    legend('withheld').textContent = t('a count of fewer than {0} people, or a count that would let someone work such '
      + 'a count out from the other figures, here or on any other page. A figure withheld for one area is withheld '
      + 'everywhere it appears.', policy.minimumCount);
    legend('rounded').textContent = t('Every number shown is rounded to a multiple of {0}, so a total and its parts '
      + 'may not add up exactly, and a single new registration does not show as a change of one. Figures point to no '
      + 'person or small group.', policy.roundingBase);
    legend('rounded').hidden = policy.roundingBase <= 1;
    legend('grouped').textContent = t('For a municipality, destinations that municipalities have fewer than {0} '
      + 'migrants in on average are shown together as other countries; a region shows each of them.',
    policy.rareBelow);
    legend('grouped').hidden = policy.rareBelow <= 0;
  }

  async function chooseArea() {
    describePolicy();
    const response = await fetch('/territory', { headers: { Authorization: 'Bearer ' + session.token() } });
    if (!response.ok) {
      await refused(response);
      return;
    }
    const units = (await response.json()).units;
    const own = session.claims().region || session.claims().municipality;
    const visible = own ? units.filter(unit => unit.code === own || unit.parent === own) : units;
    const select = $('area');
    select.replaceChildren(...visible.map(unit => el('option', { value: unit.code },
      (unit.level === 'municipality' ? '\u2003' : '') + unit.name + ' (' + t(unit.level) + ')')));
    const wanted = new URLSearchParams(location.search).get('area');
    select.value = visible.some(unit => unit.code === wanted) ? wanted : own || visible[0]?.code;
    country = units.find(unit => unit.level === 'nation')?.code;
    select.onchange = () => {
      history.replaceState(null, '', '?area=' + encodeURIComponent(select.value));
      follow(select.value);
      showMonths(select.value);
    };
    $('area-picker').hidden = false;
    follow(select.value);
    showMonths(select.value);
  }

  function signedOut(message) {
    stop();
    $('area-picker').hidden = true;
    DeskScreen.showSignedOut(message);
  }

  function signedIn(signedInSession) {
    session = signedInSession;
    DeskScreen.showSignedIn(session);
    chooseArea();
  }

  const signIn = DeskSignIn.create({ tokenKey: 'ddesk.dashboard.token', onSignedIn: signedIn, onSignedOut: signedOut });
  $('sign-in-button').onclick = () => signIn.signIn();
  $('sign-out').onclick = () => {
    stop();
    signIn.signOut();
  };
  signIn.start();
})();
