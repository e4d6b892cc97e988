'use strict';
/*
 * The outreach coordinator's screen. Segments of the coordinator's area: who consented to outreach, narrowed by
 * country, stage and language, with their reach (POST /segments/preview) before saving (POST /segments). Campaigns:
 * drafted for a segment with a text per language and, for a training or event, a session (POST /campaigns),
 * launched or cancelled, followed by their messages per status and replies (GET /campaigns/{id}); a session's
 * roster by name, where attendance is taken once it has begun. Signing in: /desk-web/sign-in.js; the shared
 * helpers and the texts in Georgian and Russian: /desk-web/screen.js and texts.js.
 */
(() => {
  const { $, el, time, status, problem, button, showTab, say, field, value } = DeskScreen;
  const t = DeskScreen.texts(window.DeskTexts);
  const api = DeskScreen.api(() => session);
  const enc = encodeURIComponent;
  let session = null;
  const areas = new Map();
  let segments = [];

  const STAGES = { ABROAD: t('abroad'), PROSPECTIVE: t('thinking of leaving'), RETURNING: t('returning'),
    RETURNED: t('returned') };
  const LANGUAGES = { ka: t('Georgian'), ru: t('Russian'), en: t('English') };
  const AUDIENCES = { FAMILIES: t('their families at home'), EVERYONE: t('migrants and their families') };
  const KINDS = { TRAINING: t('training'), EVENT: t('event'), INFORMATION: t('information'), SURVEY: t('survey') };
  const STATUSES = { DRAFT: t('draft'), SCHEDULED: t('scheduled'), RUNNING: t('running'), COMPLETED: t('completed'),
    CANCELLED: t('cancelled') };
  const MESSAGE_STATUSES = { QUEUED: t('queued'), SENT: t('sent'), DELIVERED: t('delivered'), FAILED: t('failed'),
    WITHDRAWN: t('withdrawn') };

  const areaName = code => areas.get(code) || code;

  // Segments.

  function criteria(form) {
    const checked = fieldset => [...form.querySelectorAll('fieldset.' + fieldset + ' input:checked')]
      .map(input => input.name);
    const countries = (value(form, 'countries') || '').split(/[\s,;]+/).filter(Boolean)
      .map(code => code.toUpperCase());
    return { audience: value(form, 'audience'), destinationCountries: countries, lifecycleStages: checked('stages'),
      languages: checked('languages') };
  }

  const reachText = reach => t('Reaches {0} people', reach.recipients) + (Object.keys(reach.byLanguage || {}).length
    ? ' (' + Object.entries(reach.byLanguage).map(([language, count]) => (LANGUAGES[language] || language) + ' '
      + count).join(' · ') + ')' : '');

  async function preview() {
    const form = $('segment');
    const answer = await api('/segments/preview', { method: 'POST', body: { area: value(form, 'area'),
      criteria: criteria(form) } });
    say(form, answer.ok ? reachText(answer.body) : problem(answer), answer.ok);
  }

  async function saveSegment(event) {
    event.preventDefault();
    const form = event.target;
    const answer = await api('/segments', { method: 'POST', body: { name: value(form, 'name'),
      area: value(form, 'area'), criteria: criteria(form) } });
    say(form, answer.ok ? t('Saved. {0}', reachText(answer.body.reach)) : problem(answer), answer.ok);
    if (answer.ok) {
      refreshSegments();
    }
  }

  function who(criteria) {
    return [AUDIENCES[criteria.audience], criteria.destinationCountries?.length ? t('in {0}', criteria.destinationCountries.join(', ')) : null,
      criteria.lifecycleStages?.length ? criteria.lifecycleStages.map(stage => STAGES[stage] || stage).join(', ')
        : null,
      criteria.languages?.length ? criteria.languages.map(language => LANGUAGES[language] || language).join(', ')
        : null].filter(Boolean).join(' · ') || t('everyone who consented');
  }

  async function refreshSegments() {
    const answer = await api('/segments');
    if (!answer.ok) {
      return;
    }
    segments = answer.body;
    $('segments').tBodies[0].replaceChildren(...segments.map(segment => el('tr', { 'data-segment': segment.id },
      el('td', {}, segment.name), el('td', {}, areaName(segment.area)), el('td', {}, who(segment.criteria || {})),
      el('td', {}, time(segment.createdAt)))));
    field($('campaign'), 'segmentId').replaceChildren(...segments.map(segment =>
      el('option', { value: segment.id }, segment.name + ' · ' + areaName(segment.area))));
  }

  // Campaigns.

  async function draft(event) {
    event.preventDefault();
    const form = event.target;
    const segment = segments.find(candidate => candidate.id === value(form, 'segmentId'));
    const templates = Object.fromEntries(Object.keys(LANGUAGES).filter(language => value(form, language))
      .map(language => [language, { body: value(form, language) }]));
    const kind = value(form, 'kind');
    const startsAt = value(form, 'startsAt');
    const answer = await api('/campaigns', { method: 'POST', body: { title: value(form, 'title'), kind,
      ownerArea: segment?.area, segmentId: segment?.id,
      channels: [...form.querySelectorAll('fieldset.channels input:checked')].map(input => input.name),
      templates, fallbackLanguage: value(form, 'fallbackLanguage'),
      sessions: kind === 'INFORMATION' ? [] : [{ place: value(form, 'place'),
        startsAt: startsAt ? new Date(startsAt).toISOString() : null, capacity: Number(value(form, 'capacity')) }] } });
    say(form, answer.ok ? t('Drafted: launch it from the list below.') : problem(answer), answer.ok);
    if (answer.ok) {
      refreshCampaigns();
    }
  }

  async function refreshCampaigns() {
    const answer = await api('/campaigns');
    if (!answer.ok) {
      return;
    }
    $('campaigns').tBodies[0].replaceChildren(...answer.body.map(campaign => el('tr', { 'data-campaign': campaign.id },
      el('td', {}, campaign.title), el('td', {}, KINDS[campaign.kind] || campaign.kind),
      el('td', { class: 'status' }, STATUSES[campaign.status] || campaign.status), el('td', {}, campaign.queued ?? 0),
      el('td', {}, time(campaign.createdAt)),
      el('td', {}, campaign.status === 'DRAFT' ? button(t('Launch'), () => act(campaign.id, 'launch'),
        { class: 'launch' }) : '', ' ', ['DRAFT', 'SCHEDULED', 'RUNNING'].includes(campaign.status)
        ? button(t('Cancel'), () => act(campaign.id, 'cancel'), { class: 'cancel' }) : '', ' ',
      button(t('Open'), () => showCampaign(campaign.id), { class: 'open' })))));
  }

  async function act(id, action) {
    const answer = await api('/campaigns/' + enc(id) + '/' + action, { method: 'POST' });
    status(answer.ok ? t(action === 'launch' ? 'Launched' : 'Cancelled') : problem(answer), answer.ok ? 'live'
      : 'error');
    refreshCampaigns();
    if (!$('campaign-detail').hidden && $('campaign-detail').dataset.campaign === id) {
      showCampaign(id);
    }
  }

  async function showCampaign(id) {
    const answer = await api('/campaigns/' + enc(id));
    if (!answer.ok) {
      status(problem(answer), 'error');
      return;
    }
    const { campaign, messages, replies } = answer.body;
    const card = $('campaign-detail');
    card.dataset.campaign = campaign.id;
    card.querySelector('.title').textContent = campaign.title + ' · ' + (KINDS[campaign.kind] || campaign.kind) + ' · '
      + (STATUSES[campaign.status] || campaign.status);
    card.querySelector('.progress').textContent = t('Messages:') + ' ' + (Object.entries(messages || {})
      .map(([state, count]) => (MESSAGE_STATUSES[state] || state) + ' ' + count).join(' · ') || t('none yet'));
    card.querySelector('.replies').textContent = t('Replies:') + ' ' + (Object.entries(replies || {})
      .map(([answerGiven, count]) => answerGiven + ' ' + count).join(' · ') || t('none yet'));
    card.querySelector('.sessions').replaceChildren(...(campaign.sessions || []).map(training => el('p',
      { 'data-session': training.id }, t('Session {0}, {1}, {2} places', time(training.startsAt), training.place,
        training.capacity) + ' ', button(t('Roster'), () => showRoster(campaign.id, training.id), { class: 'roster' }))));
    $('roster').hidden = true;
    say(card, '');
    card.hidden = false;
  }

  /** Who holds a place and who waits; attendance is taken from the session's start. */
  async function showRoster(campaignId, sessionId) {
    const answer = await api('/campaigns/' + enc(campaignId) + '/sessions/' + enc(sessionId));
    if (!answer.ok) {
      say($('campaign-detail'), problem(answer), false);
      return;
    }
    const roster = answer.body;
    const begun = new Date(roster.startsAt) <= new Date();
    const panel = $('roster');
    panel.dataset.session = sessionId;
    panel.querySelector('.summary').textContent = t('{0} of {1} places taken, {2} waiting.', roster.enrolled.length,
      roster.capacity, roster.waiting.length) + ' ' + (begun ? '' : t('Attendance is taken once the session begins.'))
      + ' ';
    panel.querySelector('.summary').append(button(t('Refresh'), () => showRoster(campaignId, sessionId),
      { class: 'refresh' }));
    panel.querySelector('tbody').replaceChildren(...roster.enrolled.map(place => el('tr', { 'data-migrant': place.migrantId },
      el('td', {}, place.name || t('no longer a recipient')), el('td', {}, time(place.enrolledAt)),
      el('td', { class: 'attendance' }, place.attended === true ? el('span', { class: 'came' }, t('came'))
        : place.attended === false ? el('span', { class: 'absent' }, t('did not come')) : '',
      begun ? [' ', button(t('Came'), () => attendance(campaignId, sessionId, place.migrantId, true), { class: 'came' }),
        ' ', button(t('Did not come'), () => attendance(campaignId, sessionId, place.migrantId, false),
          { class: 'absent' })] : ''))));
    panel.querySelector('.waiting').replaceChildren(...roster.waiting.map(waiting => el('li',
      { 'data-migrant': waiting.migrantId }, (waiting.name || t('no longer a recipient')) + ' · '
        + t('since {0}', time(waiting.since)))));
    panel.hidden = false;
  }

  async function attendance(campaignId, sessionId, migrantId, attended) {
    const answer = await api('/campaigns/' + enc(campaignId) + '/sessions/' + enc(sessionId) + '/attendance/'
      + enc(migrantId), { method: 'PUT', body: { attended } });
    if (!answer.ok) {
      say($('campaign-detail'), problem(answer), false);
      return;
    }
    showRoster(campaignId, sessionId);
  }

  // Signing in and out.

  function fillChoices() {
    const claims = session.claims();
    const own = claims.region || claims.municipality;
    const codes = [...areas.keys()].filter(code => !own || code === own || code.startsWith(own + '-'));
    field($('segment'), 'area').replaceChildren(...codes.map(code => el('option', { value: code },
      areaName(code))));
    $('segment').querySelector('fieldset.stages').append(...Object.entries(STAGES).map(([stage, name]) =>
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: stage }), ' ' + name)));
    $('segment').querySelector('fieldset.languages').append(...Object.entries(LANGUAGES).map(([language, name]) =>
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: language }), ' ' + name)));
  }

  async function signedIn(signedInSession) {
    session = signedInSession;
    DeskScreen.showSignedIn(session);
    if (!(session.claims().roles || []).includes('OUTREACH_COORDINATOR')) {
      status(t('This screen is for outreach coordinators'), 'error');
      return;
    }
    const territory = await api('/territory');
    (territory.ok ? territory.body.units : []).filter(unit => unit.level !== 'nation')
      .forEach(unit => areas.set(unit.code, unit.name));
    fillChoices();
    showTab('segments-section');
    await Promise.all([refreshSegments(), refreshCampaigns()]);
    status(t('Ready'), 'live');
  }

  document.querySelectorAll('#tabs button').forEach(tab => tab.onclick = () => {
    showTab(tab.dataset.tab);
    if (tab.dataset.tab === 'campaigns-section') {
      refreshCampaigns();
    }
  });
  $('preview').onclick = preview;
  $('segment').onsubmit = saveSegment;
  $('campaign').onsubmit = draft;
  field($('campaign'), 'kind').onchange = () => {
    $('campaign').querySelector('fieldset.session').hidden = field($('campaign'), 'kind').value === 'INFORMATION';
  };

  const signIn = DeskSignIn.create({ tokenKey: 'ddesk.outreach.token', onSignedIn: signedIn, onSignedOut: DeskScreen.showSignedOut });
  $('sign-in-button').onclick = () => signIn.signIn();
  $('sign-out').onclick = () => signIn.signOut();
  signIn.start();
})();
