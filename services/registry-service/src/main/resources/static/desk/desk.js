'use strict';
/*
 * The registry's screen. A registry officer finds a migrant by name in any script or by phone (GET /migrants) and
 * opens the record with its household, consent and history; registers a household with its migrants
 * (POST /households), seeing at once the numbers kept with a doubt and the possible duplicates; uploads an office's
 * file (POST /imports) and follows it to 100% (GET /imports/{id}/progress), then downloads the errors and warnings
 * reports; and works through the possible duplicates (GET /duplicate-candidates), deciding each pair side by side.
 * A pair across offices is proposed for merging to the other office. A supervisor decides the office's erasure
 * requests and the merges other offices proposed; an administrator reads the audit trail (GET /audit). Signing in
 * and reading streams with the token: /desk-web/sign-in.js; the shared helpers and the texts in Georgian and
 * Russian: /desk-web/screen.js and texts.js.
 */
(() => {
  const { $, el, time, status, problem, button, showTab, say, field, value } = DeskScreen;
  const t = DeskScreen.texts(window.DeskTexts);
  let session = null;
  let importStream = null;
  const api = DeskScreen.api(() => session);
  const municipalities = new Map();
  const enc = encodeURIComponent;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  const EVIDENCE = { SAME_PHONE: t('same phone'), SAME_NAME: t('same name'), SIMILAR_NAME: t('similar name'),
    SAME_BIRTH_YEAR: t('same birth year'), NEAR_BIRTH_YEAR: t('birth years one apart'),
    SAME_DESTINATION: t('same country'), SAME_INFORMANT_PHONE: t('reported from the same number'),
    OTHER_NAME: t('other name'), BIRTH_YEARS_APART: t('birth years apart'), OTHER_DESTINATION: t('other country') };
  const OUTCOMES = { SAME_PERSON: t('Same person: merge'), NOT_THE_SAME_PERSON: t('Not the same person'),
    RESOLVED: t('Settled with the other office') };
  const ACROSS_OFFICES = { ...OUTCOMES, SAME_PERSON: t('Same person: ask the other office to merge') };
  // Decisions as texts with the one who decided ({0}) and when ({1}), translated when written.
  const DECIDED = { MERGED: 'Merged into one record by {0} at {1}',
    NOT_THE_SAME_PERSON: 'Remembered as two people by {0} at {1}',
    RESOLVED: 'Marked as settled with the other office by {0} at {1}' };
  const STAGES = { PROSPECTIVE: t('thinking of leaving'), ABROAD: t('abroad'), RETURNING: t('returning'),
    RETURNED: t('returned') };
  const SEXES = { FEMALE: t('female'), MALE: t('male'), OTHER: t('other'), UNKNOWN: t('unknown') };
  const PURPOSES = { hotline: t('hotline'), outreach: t('outreach'), statistics: t('statistics') };
  const evidence = reasons => reasons.map(reason => EVIDENCE[reason] || reason).join(', ');

  const roles = () => session.claims().roles || [];
  const municipalityName = code => municipalities.get(code) || code;

  /** The name as the family gave it, with its Latin spelling beside it when that differs. */
  function displayName(migrant) {
    const native = [migrant.givenName, migrant.familyName].filter(Boolean).join(' ');
    if (native && migrant.nameLatin && migrant.nameLatin !== native) {
      return native + ' (' + migrant.nameLatin + ')';
    }
    return native || migrant.nameLatin || t('Name not recorded');
  }

  const where = migrant => [migrant.destinationCity, migrant.destinationCountry].filter(Boolean).join(', ') || '–';

  // Finding a migrant and their record.

  async function search(event) {
    event.preventDefault();
    const form = event.target;
    const query = new URLSearchParams([['name', value(form, 'name')], ['phone', value(form, 'phone')]]
      .filter(([, given]) => given));
    query.set('size', '50');
    const result = form.querySelector('.result');
    result.textContent = t('Searching…');
    const answer = await api('/migrants?' + query);
    if (!answer.ok) {
      result.textContent = problem(answer);
      result.className = 'result error';
      return;
    }
    const found = answer.body.items;
    result.textContent = t(answer.body.total === 1 ? '{0} migrant' : '{0} migrants', answer.body.total)
      + (answer.body.total > found.length ? t(', the first {0} shown', found.length) : '');
    result.className = 'result';
    $('migrants').hidden = found.length === 0;
    $('migrants').tBodies[0].replaceChildren(...found.map(migrant => el('tr', { 'data-migrant': migrant.migrantId },
      el('td', {}, displayName(migrant)), el('td', {}, migrant.birthYear ?? '–'), el('td', {}, where(migrant)),
      el('td', {}, STAGES[migrant.lifecycleStage]), el('td', {}, (migrant.phones || []).join(', ')),
      el('td', {}, municipalityName(migrant.municipalityCode)),
      el('td', {}, button(t('Open'), () => openRecord(migrant.householdId, migrant.migrantId), { class: 'open' })))));
  }

  /** A migrant's record: the household that reported them, consent per purpose and every change since. */
  async function openRecord(householdId, migrantId) {
    const path = '/households/' + enc(householdId);
    const [household, history] = await Promise.all([api(path),
      api(path + '/migrants/' + enc(migrantId) + '/history')]);
    if (!household.ok) {
      status(problem(household), 'error');
      return;
    }
    const migrant = household.body.migrants.find(candidate => candidate.migrantId === migrantId);
    const card = $('record');
    card.dataset.migrant = migrantId;
    card.querySelector('.name').textContent = displayName(migrant);
    card.querySelector('.details').textContent = [SEXES[migrant.sex],
      migrant.birthYear ? t('born {0}', migrant.birthYear) : null, STAGES[migrant.lifecycleStage] + ' · ' + where(migrant),
      (migrant.phones || []).join(', ') || t('no phone'), migrant.email, migrant.preferredLanguage
        ? t('speaks {0}', migrant.preferredLanguage) : null,
      migrant.verification?.status === 'VERIFIED' ? t('contact confirmed') : t('contact not confirmed')]
      .filter(Boolean).join(' · ');
    card.querySelector('.household').textContent = householdLine(household.body.municipalityCode,
      household.body.locality, household.body.informants);
    card.querySelector('.consent').replaceChildren(t('Consent:') + ' ', ...consentButtons(migrant.consent,
      (purpose, granted) => consent(householdId, migrantId, purpose, granted)));
    card.querySelector('.family').replaceChildren(...household.body.informants.map(member => el('li',
      { 'data-family-member': member.familyMemberId }, [member.name, member.relation, member.phone]
        .filter(Boolean).join(', ') + ' · ', ...consentButtons(member.consent, (purpose, granted) =>
        familyConsent(householdId, migrantId, member.familyMemberId, purpose, granted)))));
    card.querySelector('.history').replaceChildren(...(history.ok ? history.body : []).map(entry => el('li', {},
      time(entry.at) + ' · ' + t(entry.kind.toLowerCase().replaceAll('_', ' ')) + ' · ' + entry.changedBy
        + (entry.changes?.length ? ': ' + entry.changes.map(change => change.field + ' ' + (change.from ?? '–') + ' → '
          + (change.to ?? '–')).join(', ') : '') + (entry.note ? ' · ' + entry.note : ''))));
    const erasure = card.querySelector('form.erasure');
    erasure.reset();
    erasure.onsubmit = async event => {
      event.preventDefault();
      const answer = await api(path + '/migrants/' + enc(migrantId), { method: 'DELETE',
        headers: { 'X-Purpose': value(erasure, 'grounds') } });
      say(card, answer.ok ? t('Erasure requested; a supervisor of the office approves or refuses it.') : problem(answer),
        answer.ok);
    };
    say(card, '');
    card.hidden = false;
  }

  /** A person's consent per purpose, each with the button that changes it. */
  function consentButtons(given, change) {
    return Object.keys(PURPOSES).map(purpose => {
      const granted = given?.[purpose] === true;
      return el('span', { class: 'purpose', 'data-purpose': purpose },
        PURPOSES[purpose] + ' ' + (granted ? t('yes') : t('no')) + ' ',
        button(granted ? t('Withdraw') : t('Record consent'), () => change(purpose, !granted)), ' ');
    });
  }

  /** A family member's own consent, changed while the migrant's record is open. */
  async function familyConsent(householdId, migrantId, familyMemberId, purpose, granted) {
    const answer = await api('/households/' + enc(householdId) + '/family-members/' + enc(familyMemberId)
      + '/consent/' + purpose, { method: 'PUT', body: { granted, note: 'at the registry desk' } });
    if (answer.ok) {
      await openRecord(householdId, migrantId);
    }
    say($('record'), answer.ok ? t(granted ? 'Consent recorded for {0}' : 'Consent withdrawn for {0}', PURPOSES[purpose])
      : problem(answer), answer.ok);
  }

  async function consent(householdId, migrantId, purpose, granted) {
    const answer = await api('/households/' + enc(householdId) + '/migrants/' + enc(migrantId) + '/consent/'
      + purpose, { method: 'PUT', body: { granted, note: 'at the registry desk' } });
    if (answer.ok) {
      await openRecord(householdId, migrantId);
    }
    say($('record'), answer.ok ? t(granted ? 'Consent recorded for {0}' : 'Consent withdrawn for {0}', PURPOSES[purpose])
      : problem(answer), answer.ok);
  }

  /** Where a household lives and who reported it. */
  function householdLine(municipalityCode, locality, informants) {
    return t('Household in {0}', municipalityName(municipalityCode) + (locality ? ', ' + locality : '')) + ' · '
      + t('reported by {0}', informants.map(informant => [informant.name, informant.relation, informant.phone]
        .filter(Boolean).join(', ')).join('; ') || t('nobody named'));
  }

  // Registering a household.

  function addMigrant() {
    const fieldset = $('migrant-template').content.firstElementChild.cloneNode(true);
    const count = $('register-migrants').children.length;
    fieldset.querySelector('legend').textContent = t('Migrant {0}', count + 1);
    $('register-migrants').append(fieldset);
  }

  function migrantFrom(fieldset) {
    const input = name => fieldset.querySelector('[name="' + name + '"]');
    const text = name => input(name).value.trim() || null;
    return { givenName: text('givenName'), familyName: text('familyName'), nameLatin: text('nameLatin'),
      sex: text('sex'), birthYear: text('birthYear') ? Number(text('birthYear')) : null,
      destinationCountry: text('destinationCountry')?.toUpperCase() || null, destinationCity: text('destinationCity'),
      lifecycleStage: text('lifecycleStage'), preferredLanguage: text('preferredLanguage'),
      phones: text('phone') ? [text('phone')] : [],
      consent: { hotline: input('hotline').checked, outreach: input('outreach').checked,
        statistics: input('statistics').checked } };
  }

  async function register(event) {
    event.preventDefault();
    const form = event.target;
    const informant = value(form, 'informantName');
    const answer = await api('/households', { method: 'POST', body: {
      municipalityCode: value(form, 'municipalityCode'), locality: value(form, 'locality'),
      informants: informant ? [{ name: informant, relation: value(form, 'informantRelation'),
        phone: value(form, 'informantPhone'), sex: value(form, 'informantSex'),
        consent: { hotline: form.elements.informantHotline.checked, outreach: form.elements.informantOutreach.checked,
          statistics: form.elements.informantStatistics.checked } }] : [],
      migrants: [...form.querySelectorAll('fieldset.migrant')].map(migrantFrom) } });
    const shown = $('registered');
    if (!answer.ok) {
      shown.className = 'result error';
      shown.replaceChildren(problem(answer));
      return;
    }
    const household = answer.body;
    shown.className = 'result';
    shown.replaceChildren(el('p', { 'data-household': household.id }, t('Registered household {0}:', household.id) + ' ',
      ...household.migrants.map(migrant => [button(displayName(migrant), () => {
        showTab('search-section');
        openRecord(household.id, migrant.migrantId);
      }), ' '])),
    ...(household.warnings || []).map(warning => el('p', { class: 'late' }, t('Kept with a doubt:') + ' ' + warning.field
      + ' ' + (warning.value || '') + ' · ' + warning.message)),
    ...(household.possibleDuplicates || []).flatMap(possible => [
      ...possible.inYourMunicipality.map(same => el('p', {}, t('{0} may already be registered as {1}',
        displayName(household.migrants[possible.migrantIndex]), same.name + (same.birthYear ? ', '
          + t('born {0}', same.birthYear) : '')) + ' (' + evidence(same.reasons) + ') ',
        button(t('Compare'), () => {
          showTab('review-section');
          showCandidate(same.candidateId);
        }))),
      ...possible.inOtherOffices.map(other => el('p', {}, t('{0} may also be registered in {1} ({2}): contact that office.',
        displayName(household.migrants[possible.migrantIndex]), other.municipalityName, evidence(other.reasons))))]));
    form.reset();
    $('register-migrants').replaceChildren();
    addMigrant();
    fillMunicipalities();
  }

  // Uploading a file and following it.

  async function upload(event) {
    event.preventDefault();
    const form = event.target;
    const file = field(form, 'file').files[0];
    importStream?.abort();
    const answer = await api('/imports', { method: 'POST', body: file,
      headers: { 'Content-Type': /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv' } });
    const panel = $('import');
    panel.hidden = false;
    if (!answer.ok) {
      showProgress({ percentDone: 0, status: 'REFUSED' });
      panel.querySelector('.counts').textContent = t('{0} was refused:', file.name) + ' ' + problem(answer);
      panel.querySelector('.counts').className = 'counts late';
      return;
    }
    panel.dataset.job = answer.body.id;
    showProgress(answer.body);
    importStream = new AbortController();
    const stream = importStream;
    session.stream('/imports/' + enc(answer.body.id) + '/progress', { signal: stream.signal,
      onEvent: (name, job) => {
        if (name === 'progress') {
          showProgress(job);
          if (job.status === 'COMPLETED' || job.status === 'FAILED') {
            stream.abort();
            finished(job);
          }
        }
      },
      onRefused: (code, refusal) => status(refusal.detail || t('Refused: HTTP {0}', code), 'error'),
      onLost: () => status(t('Connection lost; reconnecting…'), 'error') });
  }

  function showProgress(job) {
    const panel = $('import');
    const percent = Math.floor(job.percentDone || 0);
    $('import-progress').value = percent;
    panel.querySelector('.percent').textContent = percent + '%';
    const counts = panel.querySelector('.counts');
    counts.className = 'counts';
    counts.textContent = job.rowsTotal === undefined ? '' : [t('{0} of {1} rows', job.rowsDone, job.rowsTotal),
      t('{0} imported', job.rowsImported), t('{0} already there', job.rowsSkipped), t('{0} rejected', job.rowsRejected),
      t('{0} with warnings', job.rowsWithWarnings), t('{0} possible duplicates', job.possibleDuplicates),
      job.status === 'RUNNING' && job.secondsLeft != null ? t('about {0} s left', job.secondsLeft) : null,
      job.status === 'FAILED' ? t('failed:') + ' ' + job.failure : null].filter(Boolean).join(' · ');
    panel.querySelector('.reports').replaceChildren();
  }

  function finished(job) {
    status(t('Ready'), 'live');
    const reports = $('import').querySelector('.reports');
    reports.replaceChildren(
      job.rowsRejected ? report(job.errorsUrl, 'import-' + job.id + '-errors.csv', t('Errors report')) : '', ' ',
      job.rowsWithWarnings ? report(job.warningsUrl, 'import-' + job.id + '-warnings.csv', t('Warnings report')) : '', ' ',
      job.possibleDuplicates ? button(t('Review the {0} possible duplicates', job.possibleDuplicates), () => {
        showTab('review-section');
        field($('review-filter'), 'importJob').value = job.id;
        refreshQueue();
      }, { class: 'review-import' }) : '');
  }

  /** A report to download: fetched with the token (a plain link could not send it) and saved under its name. */
  function report(url, filename, text) {
    return button(text, async () => {
      const response = await fetch(url, { headers: { Authorization: 'Bearer ' + session.token() } });
      if (!response.ok) {
        status(t('The report could not be fetched (HTTP {0})', response.status), 'error');
        return;
      }
      const link = el('a', { href: URL.createObjectURL(await response.blob()), download: filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    }, { class: 'report', 'data-report': filename });
  }

  // Possible duplicates.

  function sideName(side) {
    return side.migrant ? displayName(side.migrant) : t('a record in {0}', side.municipalityName || side.municipalityCode);
  }

  async function refreshQueue(event) {
    event?.preventDefault();
    const form = $('review-filter');
    const query = new URLSearchParams([['importJob', value(form, 'importJob')], ['minScore', value(form, 'minScore')]]
      .filter(([, given]) => given));
    query.set('size', '50');
    const answer = await api('/duplicate-candidates?' + query);
    if (!answer.ok) {
      form.querySelector('.result').textContent = problem(answer);
      return;
    }
    form.querySelector('.result').textContent = t('{0} open', answer.body.total);
    $('candidates').tBodies[0].replaceChildren(...answer.body.items.map(candidate => el('tr',
      { 'data-candidate': candidate.id },
      el('td', {}, candidate.score), el('td', {}, candidate.records.map(sideName).join(' · ')),
      el('td', {}, evidence(candidate.reasons)),
      el('td', {}, time(candidate.foundAt)),
      el('td', {}, button(t('Compare'), () => showCandidate(candidate.id), { class: 'open' })))));
  }

  function sideCard(side) {
    if (!side.migrant) {
      return el('div', { class: 'side' }, el('strong', {}, t('Held by {0}', side.municipalityName)),
        el('p', {}, t('Not your office\'s record: speak to {0} before you settle it.', side.municipalityName)));
    }
    const migrant = side.migrant;
    return el('div', { class: 'side', 'data-migrant': migrant.migrantId }, el('strong', {}, displayName(migrant)),
      el('p', {}, [SEXES[migrant.sex], migrant.birthYear ? t('born {0}', migrant.birthYear) : t('birth year unknown'),
        where(migrant), (migrant.phones || []).join(', ') || t('no phone')].join(' · ')),
      el('p', {}, householdLine(side.municipalityCode, null, side.informants || [])));
  }

  async function showCandidate(id) {
    const answer = await api('/duplicate-candidates/' + enc(id));
    if (!answer.ok) {
      status(problem(answer), 'error');
      return;
    }
    const candidate = answer.body;
    const card = $('candidate');
    card.dataset.candidate = candidate.id;
    card.querySelector('.evidence').textContent = t('Score {0} · for: {1}', candidate.score,
      evidence(candidate.reasons)) + (candidate.doubts?.length ? ' · ' + t('against: {0}', evidence(candidate.doubts))
      : '');
    card.querySelector('.sides').replaceChildren(...candidate.records.map(sideCard));
    const form = card.querySelector('form.decide');
    form.reset();
    const labels = candidate.acrossOffices ? ACROSS_OFFICES : OUTCOMES;
    form.querySelector('.outcomes').replaceChildren(...(candidate.status === 'OPEN' ? candidate.outcomes : [])
      .map(outcome => button(labels[outcome] || outcome, () => decide(candidate.id, outcome, value(form, 'note')),
        { 'data-outcome': outcome })));
    say(card, decision(candidate));
    card.hidden = false;
  }

  /** Where the pair stands: decided, waiting for the other office's supervisor, or open (with a refusal's reason). */
  function decision(candidate) {
    const proposal = candidate.proposal;
    if (candidate.status === 'MERGE_PROPOSED') {
      return t('Merge proposed by {0} ({1}) at {2}; the record in {3} stays. Waiting for a supervisor of the other office.',
        proposal.proposedBy, proposal.municipalityName, time(proposal.proposedAt), proposal.survivorMunicipalityName);
    }
    if (candidate.status === 'OPEN') {
      return candidate.note ? t('Note:') + ' ' + candidate.note : '';
    }
    return t(DECIDED[candidate.status], candidate.decidedBy, time(candidate.decidedAt));
  }

  async function decide(id, outcome, note) {
    const answer = await api('/duplicate-candidates/' + enc(id) + '/resolution', { method: 'POST',
      body: { outcome, note } });
    if (!answer.ok) {
      say($('candidate'), problem(answer), false);
      return;
    }
    await showCandidate(id);
    refreshQueue();
  }

  // Erasure requests (supervisors).

  async function refreshErasures() {
    const answer = await api('/erasure-requests');
    if (!answer.ok) {
      return;
    }
    $('erasures').tBodies[0].replaceChildren(...answer.body.map(request => {
      const reason = el('input', { name: 'reason', maxlength: '500', placeholder: t('why not'), 'aria-label': t('Reason') });
      const decided = async (path, body) => {
        const result = await api('/erasure-requests/' + enc(request.id) + path, { method: 'POST', body });
        status(result.ok ? t(path === '/approval' ? 'Erasure approved' : 'Erasure refused') : problem(result),
          result.ok ? 'live' : 'error');
        refreshErasures();
      };
      return el('tr', { 'data-erasure': request.id }, el('td', {}, time(request.requestedAt)),
        el('td', {}, request.requestedBy), el('td', {}, request.grounds),
        el('td', {}, municipalityName(request.municipalityCode) + ' · ' + t('migrant {0}', request.migrantId)),
        el('td', {}, button(t('Approve'), () => decided('/approval'), { class: 'approve' }), ' ', reason, ' ',
          button(t('Refuse'), () => decided('/refusal', { reason: reason.value.trim() }), { class: 'refuse' })));
    }));
  }

  // Merges other offices proposed (supervisors).

  async function refreshMerges() {
    const answer = await api('/merge-proposals');
    if (!answer.ok) {
      return;
    }
    $('merges').replaceChildren(...(answer.body.length ? answer.body.map(mergeCard)
      : [el('p', { class: 'empty' }, t('No merge waits for you.'))]));
  }

  function mergeCard(candidate) {
    const proposal = candidate.proposal;
    const why = el('input', { name: 'reason', maxlength: '500', placeholder: t('why not'), 'aria-label': t('Reason') });
    const card = el('article', { class: 'card', 'data-candidate': candidate.id },
      el('p', {}, el('strong', {}, proposal.proposedBy + ' (' + proposal.municipalityName + ')'), ' ',
        t('asks to merge, {0}: score {1} · {2} · the record in {3} stays', time(proposal.proposedAt), candidate.score,
          evidence(candidate.reasons), proposal.survivorMunicipalityName)
        + (proposal.note ? ' · "' + proposal.note + '"' : '')),
      el('div', { class: 'sides' }, ...candidate.records.map(sideCard)));
    const decided = async (path, body) => {
      const result = await api('/merge-proposals/' + enc(candidate.id) + path, { method: 'POST', body });
      status(result.ok ? t(path === '/approval' ? 'Merge approved' : 'Merge refused') : problem(result),
        result.ok ? 'live' : 'error');
      refreshMerges();
    };
    card.append(el('p', {}, button(t('Approve the merge'), () => decided('/approval'), { class: 'approve' }), ' ',
      why, ' ', button(t('Refuse'), () => decided('/refusal', { reason: why.value.trim() }), { class: 'refuse' })));
    return card;
  }

  // The audit trail (administrators).

  async function audit(event) {
    event?.preventDefault();
    const form = $('audit');
    const since = value(form, 'since');
    const query = new URLSearchParams({ since: new Date(since + 'T00:00:00').toISOString(), limit: '500' });
    if (value(form, 'user')) {
      query.set('user', value(form, 'user'));
    }
    const answer = await api('/audit?' + query);
    form.querySelector('.result').textContent = answer.ok ? t('{0} entries', answer.body.length) : problem(answer);
    $('audit-entries').tBodies[0].replaceChildren(...(answer.ok ? answer.body : []).map(entry => el('tr', {},
      el('td', {}, time(entry.at)), el('td', {}, entry.user), el('td', { class: 'action' }, entry.action),
      el('td', {}, (entry.records || []).length), el('td', {}, entry.purpose || ''))));
  }

  // Signing in and out.

  /** The municipalities the officer registers in: their own, or every one of their region. */
  function fillMunicipalities() {
    const claims = session.claims();
    const codes = claims.municipality ? [claims.municipality]
      : [...municipalities.keys()].filter(code => claims.region && code.startsWith(claims.region + '-'));
    field($('register'), 'municipalityCode').replaceChildren(...codes.map(code =>
      el('option', { value: code }, municipalityName(code))));
  }

  async function signedIn(signedInSession) {
    session = signedInSession;
    DeskScreen.showSignedIn(session);
    const territory = await api('/territory');
    (territory.ok ? territory.body.units : []).forEach(unit => municipalities.set(unit.code, unit.name));
    const officer = roles().includes('REGISTRY_OFFICER');
    const supervisor = roles().includes('SUPERVISOR');
    const administrator = roles().includes('ADMINISTRATOR');
    document.querySelectorAll('#tabs .officer').forEach(tab => tab.hidden = !officer);
    document.querySelectorAll('#tabs .supervisor').forEach(tab => tab.hidden = !supervisor);
    document.querySelectorAll('#tabs .administrator').forEach(tab => tab.hidden = !administrator);
    showTab(officer ? 'search-section' : supervisor ? 'erasures-section' : administrator ? 'audit-section' : null);
    if (officer) {
      fillMunicipalities();
      refreshQueue();
    }
    if (supervisor) {
      refreshErasures();
      refreshMerges();
    }
    if (administrator) {
      field($('audit'), 'since').value = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
      audit();
    }
    const served = officer || supervisor || administrator;
    status(served ? t('Ready') : t('This screen is for registry officers, supervisors and administrators'),
      served ? 'live' : 'error');
  }

  function signedOut(message) {
    importStream?.abort();
    DeskScreen.showSignedOut(message);
  }

  document.querySelectorAll('#tabs button').forEach(tab => tab.onclick = () => {
    showTab(tab.dataset.tab);
    if (tab.dataset.tab === 'review-section') {
      refreshQueue();
    }
    if (tab.dataset.tab === 'erasures-section') {
      refreshErasures();
    }
    if (tab.dataset.tab === 'merges-section') {
      refreshMerges();
    }
  });
  $('search').onsubmit = search;
  $('register').onsubmit = register;
  $('add-migrant').onclick = addMigrant;
  $('upload').onsubmit = upload;
  $('review-filter').onsubmit = refreshQueue;
  $('audit').onsubmit = audit;
  addMigrant();

  const signIn = DeskSignIn.create({ tokenKey: 'ddesk.registry.token', onSignedIn: signedIn, onSignedOut: signedOut });
  $('sign-in-button').onclick = () => signIn.signIn();
  $('sign-out').onclick = () => {
    importStream?.abort();
    signIn.signOut();
  };
  signIn.start();
})();
