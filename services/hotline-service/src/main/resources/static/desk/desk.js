'use strict';
/*
 * The hotline's screen. An agent sees the calls of their offices as the telephony system reports them
 * (GET /calls/stream), with who may be calling, their local time and previous tickets, and opens the call's ticket
 * with one form; below, the callbacks due at the caller's time (GET /callbacks) and the queue they work
 * (GET /tickets), where they take unassigned tickets and open one to add notes, promise a callback and move it on.
 * A supervisor sees the office's whole queue, gives tickets to agents, and sees the offices' emergency alerts
 * (GET /emergencies/stream) and acknowledges them. Signing in and reading streams with the token: /desk-web/sign-in.js; the shared helpers
 * and the texts in Georgian and Russian: /desk-web/screen.js and texts.js.
 */
(() => {
  const QUEUE_EVERY_MS = 15000;
  let session = null;
  let streams = [];
  let queueTimer = null;
  let topics = [];
  const previousTickets = new Map();

  const { $, el, time, status, problem } = DeskScreen;
  const t = DeskScreen.texts(window.DeskTexts);
  const api = DeskScreen.api(() => session);

  /**
   * Follows a stream until the page stops it, handing each event to its handler by name; once connected the desk is
   * live (403: not this person's part of the desk, nothing shown).
   */
  function follow(path, handlers) {
    const controller = new AbortController();
    streams.push(controller);
    session.stream(path, { signal: controller.signal,
      onEvent: (name, data) => name === 'open' ? status(t('Live'), 'live') : handlers[name]?.(data),
      onRefused: (code, body) => code === 403 || status(body.detail || body.title || t('Refused: HTTP {0}', code), 'error'),
      onLost: () => status(t('Connection lost; reconnecting…'), 'error') });
  }

  function stop() {
    streams.forEach(controller => controller.abort());
    streams = [];
    clearInterval(queueTimer);
  }

  function candidate(known) {
    const who = known.kind === 'MIGRANT' ? t('migrant abroad') : t('{0} at home', known.relation || t('family member'));
    const local = known.timeZone ? ' · ' + t('their time {0}', new Date().toLocaleTimeString('en-GB',
      { timeZone: known.timeZone, hour: '2-digit', minute: '2-digit' }) + ' (' + known.timeZone + ')') : '';
    return el('li', { 'data-migrant': known.migrantId || '', 'data-household': known.householdId || '' },
      el('strong', {}, known.name || t('Name not recorded')), ' · ' + who + ' · ' + t('household {0}', known.householdId)
        + ' · ' + known.municipalityCode + local
        + (known.migrants?.length ? ' · ' + t('family of {0}', known.migrants.join('; ')) : ''));
  }

  /** The caller's earlier tickets, fetched once per number while their call is on the screen. */
  async function showPrevious(phone, target) {
    if (!previousTickets.has(phone)) {
      previousTickets.set(phone, api('/callers?phone=' + encodeURIComponent(phone))
        .then(answer => answer.ok ? answer.body.previousTickets : []));
    }
    const tickets = await previousTickets.get(phone);
    target.textContent = tickets.length ? t('Previous tickets:') + ' ' + tickets.map(ticket =>
      time(ticket.openedAt) + ' ' + ticket.topic + ' (' + ticket.status.toLowerCase() + ')').join('; ')
      : t('No previous tickets.');
  }

  function callCard(view) {
    const { call, recognition } = view;
    const card = $('call-template').content.firstElementChild.cloneNode(true);
    card.dataset.call = call.callId;
    card.classList.toggle('ringing', call.state === 'RINGING');
    card.querySelector('.state').textContent = call.state === 'RINGING' ? t('Ringing') : t('Answered');
    card.querySelector('.number').textContent = recognition.phone || t('number withheld');
    card.querySelector('.since').textContent = t('since {0}', time(call.ringingAt));
    const candidates = recognition.candidates || [];
    card.querySelector('.candidates').replaceChildren(...(candidates.length ? candidates.map(candidate)
      : [el('li', {}, t('Not known to the registry at this number'))]));
    if (recognition.phone) {
      showPrevious(recognition.phone, card.querySelector('.previous'));
    }
    const form = card.querySelector('form');
    if (call.ticketId) {
      form.replaceChildren(el('span', { class: 'result' }, t('Ticket opened: {0}', call.ticketId)));
      return card;
    }
    form.topic.replaceChildren(...topics.map(topic => el('option', { value: topic.code },
      topic.name + (topic.emergency ? ' (' + t('emergency') + ')' : ''))));
    form.onsubmit = async event => {
      event.preventDefault();
      const only = candidates.length === 1 ? candidates[0] : null;
      const answer = await api('/calls/' + encodeURIComponent(call.callId) + '/ticket', { method: 'POST',
        body: { topic: form.topic.value, note: form.note.value || null,
          callerMigrantId: only?.migrantId || null, callerHouseholdId: only?.householdId || null } });
      form.querySelector('.result').textContent = answer.ok ? t('Ticket opened: {0}', answer.body.ticket.id)
        : problem(answer);
      if (answer.ok) {
        refreshQueue();
      }
    };
    return card;
  }

  function showCalls(views) {
    const open = [...document.querySelectorAll('#calls form.open-ticket')]
      .map(form => [form.closest('.call').dataset.call, form.topic?.value, form.note?.value]);
    $('calls').replaceChildren(...(views.length ? views.map(callCard) : [el('p', { class: 'empty' }, t('No call right now.'))]));
    // What the agent was typing into a card survives the card being drawn again.
    open.forEach(([callId, topic, note]) => {
      const form = document.querySelector('#calls [data-call="' + callId + '"] form.open-ticket');
      if (form?.topic && topic) {
        form.topic.value = topic;
        form.note.value = note;
      }
    });
  }

  const STATUS_ACTIONS = { ASSIGNED: t('Assign'), IN_PROGRESS: t('Start work'),
    WAITING: t('Wait on caller or third party'), RESOLVED: t('Resolve'), CLOSED: t('Close') };

  /** One ticket: its notes, a note to add and the moves it may make from here (the API lists them). */
  async function showTicket(id) {
    const answer = await api('/tickets/' + encodeURIComponent(id));
    const panel = $('ticket');
    if (!answer.ok) {
      status(problem(answer), 'error');
      return;
    }
    const ticket = answer.body;
    panel.dataset.ticket = ticket.id;
    panel.hidden = false;
    panel.querySelector('.summary').textContent = [ticket.topic?.name, ticket.caller?.name || ticket.caller?.phone,
      ticket.priority, ticket.status, ticket.assignee || t('unassigned')].filter(Boolean).join(' · ');
    panel.querySelector('.notes').replaceChildren(...ticket.notes.map(note =>
      el('li', {}, time(note.at) + ' ' + note.author + ': ' + note.text)));
    panel.querySelector('.moves').replaceChildren(...ticket.nextStatuses.filter(next => next !== 'ASSIGNED')
      .map(next => {
        const button = el('button', { type: 'button', 'data-status': next },
          next === 'IN_PROGRESS' && ['RESOLVED', 'CLOSED'].includes(ticket.status) ? t('Reopen') : STATUS_ACTIONS[next]);
        button.onclick = () => change(ticket.id, api('/tickets/' + encodeURIComponent(ticket.id) + '/status',
          { method: 'PUT', body: { status: next } }));
        return button;
      }));
    const form = panel.querySelector('form.add-note');
    form.onsubmit = event => {
      event.preventDefault();
      change(ticket.id, api('/tickets/' + encodeURIComponent(ticket.id) + '/notes', { method: 'POST',
        body: { text: form.text.value } })).then(ok => ok && form.reset());
    };
    const callback = panel.querySelector('form.callback');
    callback.onsubmit = async event => {
      event.preventDefault();
      const answer = await api('/tickets/' + encodeURIComponent(ticket.id) + '/callbacks', { method: 'POST',
        body: { at: new Date(callback.at.value).toISOString() } });
      panel.querySelector('.result').textContent = answer.ok ? t('Callback promised for {0}, {1} for the caller', time(answer.body.callback.dueAt),
          answer.body.callerLocalTime.replace('T', ' ').slice(0, 16))
        : problem(answer);
      if (answer.ok) {
        callback.reset();
        refreshCallbacks();
      }
    };
    panel.querySelector('.result').textContent = '';
  }

  async function change(id, request) {
    const answer = await request;
    if (!answer.ok) {
      $('ticket').querySelector('.result').textContent = problem(answer);
      return false;
    }
    await showTicket(id);
    refreshQueue();
    return true;
  }

  /** An unassigned ticket the agent takes: it becomes theirs and moves to ASSIGNED. */
  function takeButton(ticket) {
    if (ticket.assignee || !(session.claims().roles || []).includes('HOTLINE_AGENT')) {
      return '';
    }
    const button = el('button', { type: 'button', class: 'take' }, t('Take'));
    button.onclick = async () => {
      const answer = await api('/tickets/' + encodeURIComponent(ticket.id) + '/assignee', { method: 'PUT',
        body: {} });
      if (!answer.ok) {
        status(problem(answer), 'error');
      }
      refreshQueue();
    };
    return button;
  }

  /**
   * A supervisor gives a ticket to an agent of the office (or takes it from one): the user name, with those already
   * working the queue offered.
   */
  function reassignForm(ticket) {
    if (!(session.claims().roles || []).includes('SUPERVISOR')) {
      return '';
    }
    const form = el('form', { class: 'reassign' }, el('input', { name: 'assignee', list: 'agents', maxlength: '200',
      required: '', placeholder: t('agent\'s user name'), 'aria-label': t('Give to') }),
      el('button', { type: 'submit' }, t('Give')));
    form.onsubmit = async event => {
      event.preventDefault();
      const answer = await api('/tickets/' + encodeURIComponent(ticket.id) + '/assignee', { method: 'PUT',
        body: { assignee: form.assignee.value.trim() } });
      status(answer.ok ? t('Given to {0}', answer.body.assignee) : problem(answer), answer.ok ? 'live' : 'error');
      refreshQueue();
    };
    return form;
  }

  function openButton(ticket) {
    const button = el('button', { type: 'button', class: 'open' }, t('Open'));
    button.onclick = () => showTicket(ticket.id);
    return button;
  }

  async function refreshQueue() {
    const answer = await api('/tickets?size=50');
    if (!answer.ok) {
      return;
    }
    $('queue').tBodies[0].replaceChildren(...answer.body.map(ticket => {
      const due = ticket.serviceLevelStatus?.responseDueAt || ticket.serviceLevelStatus?.resolutionDueAt;
      return el('tr', { 'data-ticket': ticket.id, class: due && new Date(due) < new Date() ? 'late' : '' },
        el('td', {}, time(ticket.openedAt)), el('td', {}, ticket.caller?.name || ticket.caller?.phone || '–'),
        el('td', {}, ticket.topic?.name || ''), el('td', {}, ticket.priority), el('td', { class: 'status' },
          ticket.status), el('td', { class: 'assignee' }, ticket.assignee || t('unassigned')), el('td', {}, time(due)),
        el('td', {}, takeButton(ticket), ' ', openButton(ticket), reassignForm(ticket)));
    }));
    const agents = new Set(answer.body.map(ticket => ticket.assignee).filter(Boolean));
    $('agents').replaceChildren(...[...agents].sort().map(agent => el('option', { value: agent })));
    refreshCallbacks();
  }

  /** Callbacks the agent's offices promised within the next day, at the caller's local time. */
  async function refreshCallbacks() {
    if (!(session.claims().roles || []).includes('HOTLINE_AGENT')) {
      return;
    }
    const answer = await api('/callbacks?within=P1D');
    if (!answer.ok) {
      return;
    }
    $('callbacks-section').hidden = answer.body.length === 0;
    $('callbacks').replaceChildren(...answer.body.map(planned => el('li',
      { 'data-callback': planned.callback.id, class: planned.overdue ? 'late' : '' },
      (planned.overdue ? t('Overdue:') + ' ' : '') + t('{0} here, {1} for the caller ({2})', time(planned.callback.dueAt),
        planned.callerLocalTime.replace('T', ' ').slice(0, 16), planned.callback.callerTimeZone || t('their time zone'))
        + ' · ' + t('ticket {0}', planned.callback.ticketId))));
  }

  function alertCard(alert) {
    const state = alert.acknowledgedAt ? 'acknowledged' : alert.escalatedAt ? 'escalated' : 'open';
    const card = el('article', { class: 'alert card ' + state, 'data-alert': alert.ticketId },
      el('header', {}, el('strong', {}, alert.topicName), ' · ' + alert.officeCode + ' · '
        + t('opened {0}', time(alert.openedAt))),
      el('p', {}, alert.acknowledgedAt ? t('Acknowledged by {0} at {1}', alert.acknowledgedBy, time(alert.acknowledgedAt))
        : (alert.escalatedAt ? t('Escalated to the region at {0}.', time(alert.escalatedAt)) + ' '
          : t('Acknowledge by {0}.', time(alert.acknowledgeBy)) + ' ') + t('Ticket {0}', alert.ticketId)));
    if (!alert.acknowledgedAt) {
      const button = el('button', { type: 'button' }, t('Acknowledge'));
      button.onclick = async () => {
        const answer = await api('/emergencies/' + encodeURIComponent(alert.ticketId) + '/acknowledgement',
          { method: 'POST' });
        if (answer.ok) {
          card.replaceWith(alertCard(answer.body));
        }
        else {
          status(problem(answer), 'error');
        }
      };
      card.append(button);
    }
    return card;
  }

  function showAlert(alert) {
    const card = alertCard(alert);
    const shown = document.querySelector('#alerts [data-alert="' + alert.ticketId + '"]');
    if (shown) {
      shown.replaceWith(card);
    }
    else {
      $('alerts').prepend(card);
    }
  }

  async function signedIn(signedInSession) {
    session = signedInSession;
    DeskScreen.showSignedIn(session);
    const roles = session.claims().roles || [];
    const topicsAnswer = await api('/tickets/topics');
    topics = topicsAnswer.ok ? topicsAnswer.body : [];
    $('calls-section').hidden = !roles.includes('HOTLINE_AGENT');
    if (roles.includes('HOTLINE_AGENT')) {
      follow('/calls/stream', { calls: showCalls });
    }
    $('emergencies').hidden = !roles.includes('SUPERVISOR');
    if (roles.includes('SUPERVISOR')) {
      follow('/emergencies/stream', { alerts: alerts => $('alerts').replaceChildren(...alerts.map(alertCard)),
        alert: showAlert });
    }
    refreshQueue();
    queueTimer = setInterval(refreshQueue, QUEUE_EVERY_MS);
  }

  function signedOut(message) {
    stop();
    DeskScreen.showSignedOut(message);
  }

  const signIn = DeskSignIn.create({ tokenKey: 'ddesk.desk.token', onSignedIn: signedIn, onSignedOut: signedOut });
  $('sign-in-button').onclick = () => signIn.signIn();
  $('sign-out').onclick = () => {
    stop();
    signIn.signOut();
  };
  signIn.start();
})();
