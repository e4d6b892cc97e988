'use strict';
/*
 * What the page scripts of the Diaspora Desk screens share: building elements and buttons, the status line in the
 * header, tabs and result lines, the signed-in and signed-out page, times, the page in the person's language, and
 * calling the service with the signed-in person's token, its refusals read as RFC 9457 problems.
 *
 *   const { $, el, time, status, problem } = DeskScreen;
 *   const api = DeskScreen.api(() => session);     // api('/migrants?name=…'), api(path, { method, body })
 *   const t = DeskScreen.texts(window.DeskTexts);  // the page in the person's language; t('Sign in')
 */
window.DeskScreen = (() => {
  const $ = id => document.getElementById(id);

  /** An element with attributes and children (nodes, or text for anything else). */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    children.flat().forEach(child => element.append(child instanceof Node ? child : String(child)));
    return element;
  }

  /** An instant as the desk reads it (day and minute), in the browser's time zone unless another is given. */
  const time = (instant, timeZone) => instant ? new Date(instant).toLocaleString('en-GB', { timeZone,
    dateStyle: 'short', timeStyle: 'short' }) : '–';

  /** The header's status line: '' plain, 'live' or 'error'. */
  function status(text, state) {
    $('status').textContent = text;
    $('status').className = state || '';
  }

  /** What went wrong, as the service's problem document says it, field by field. */
  const problem = answer => [answer.body?.detail || answer.body?.title || 'HTTP ' + answer.status,
    ...(answer.body?.errors || []).map(error => error.field + ': ' + error.message)].join(' · ');

  /**
   * Calls the service as the signed-in person: a JSON body is sent as JSON, a Blob or File as itself; answers
   * {ok, status, body} with the JSON body (or null). A 401 sends the person back to sign in.
   */
  function api(currentSession) {
    return async (path, options = {}) => {
      const session = currentSession();
      const json = options.body !== undefined && !(options.body instanceof Blob);
      const response = await fetch(path, { ...options, body: json ? JSON.stringify(options.body) : options.body,
        headers: { Authorization: 'Bearer ' + session.token(), ...(json ? { 'Content-Type': 'application/json' } : {}),
          ...(options.headers || {}) } });
      const body = await response.json().catch(() => null);
      if (response.status === 401) {
        session.expired(body?.detail);
      }
      return { ok: response.ok, status: response.status, body, headers: response.headers };
    };
  }

  /** A form's field by name, and its value trimmed (null when empty). */
  const field = (form, name) => form.elements.namedItem(name);
  const value = (form, name) => field(form, name).value.trim() || null;

  /** A button that does something when clicked. */
  function button(text, onClick, attributes = {}) {
    const element = el('button', { type: 'button', ...attributes }, text);
    element.onclick = onClick;
    return element;
  }

  /** Shows one tab's section of the page (the sections marked .tab in main) and presses its button in #tabs. */
  function showTab(id) {
    document.querySelectorAll('main .tab').forEach(section => section.hidden = section.id !== id);
    document.querySelectorAll('#tabs button').forEach(tab =>
      tab.setAttribute('aria-pressed', String(tab.dataset.tab === id)));
  }

  /** A part of the page's own result line (its child .result): what came of the last action, or why it failed. */
  function say(container, text, ok = true) {
    const result = container.querySelector(':scope > .result');
    result.textContent = text;
    result.className = 'result' + (ok ? '' : ' error');
  }

  /** The page of a signed-in person: their name in the header, the sign-in gone, the desk (#desk, if any) shown. */
  function showSignedIn(session) {
    $('sign-in').hidden = true;
    $('signed-in').hidden = false;
    $('who').textContent = session.who();
    if ($('desk')) {
      $('desk').hidden = false;
    }
  }

  /** The page for someone to sign in, saying why where there is a reason (an expired sign-in, a refusal). */
  function showSignedOut(message) {
    $('sign-in').hidden = false;
    $('signed-in').hidden = true;
    if ($('desk')) {
      $('desk').hidden = true;
    }
    status(message || translate('Not signed in'), message ? 'error' : '');
  }

  let translate = text => text;
  const LANGUAGES = { en: 'English', ka: 'ქართული', ru: 'Русский' };
  const LANGUAGE_KEY = 'ddesk.language';

  /** The person's language: the one they chose on a screen, else their browser's if the screens speak it. */
  function language() {
    const chosen = localStorage.getItem(LANGUAGE_KEY);
    const browser = (navigator.language || 'en').slice(0, 2);
    return LANGUAGES[chosen] ? chosen : LANGUAGES[browser] ? browser : 'en';
  }

  /**
   * The screen in the person's language. Texts are keyed by their English wording (the pages are written in
   * English): an element marked data-text has its own text translated, one marked data-placeholder its
   * placeholder, in the page and its templates; the page script translates what it writes with the returned t('{0} migrants', count). A text the
   * screen's translations (window.DeskTexts: { ka: {...}, ru: {...} }) lack stays English. The header's #language
   * picker changes the language for every screen of this browser.
   */
  function texts(translations) {
    const chosen = language();
    const own = (translations || {})[chosen] || {};
    const t = (text, ...values) => values.reduce((result, value, index) => result.replaceAll('{' + index + '}', value),
      own[text] ?? text);
    translate = t;
    document.documentElement.lang = chosen;
    document.title = t(document.title);
    [document, ...[...document.querySelectorAll('template')].map(template => template.content)].forEach(root => {
      root.querySelectorAll('[data-text]').forEach(node => {
        node.textContent = t(node.textContent.replace(/\s+/g, ' ').trim());
      });
      root.querySelectorAll('[data-placeholder]').forEach(node => {
        node.placeholder = t(node.placeholder);
      });
    });
    const picker = $('language');
    if (picker) {
      picker.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code }, name)));
      picker.value = chosen;
      picker.onchange = () => {
        localStorage.setItem(LANGUAGE_KEY, picker.value);
        location.reload();
      };
    }
    return t;
  }

  return { $, el, time, status, problem, api, texts, button, showTab, say, showSignedIn, showSignedOut, field, value };
})();
