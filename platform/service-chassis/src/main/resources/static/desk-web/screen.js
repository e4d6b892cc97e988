'use strict';
/*
 * What the page scripts of the Diaspora Desk screens share: building elements, the status line in the header,
 * times, and calling the service with the signed-in person's token, its refusals read as RFC 9457 problems.
 *
 *   const { $, el, time, status, problem } = DeskScreen;
 *   const api = DeskScreen.api(() => session);     // api('/migrants?name=…'), api(path, { method, body })
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

  return { $, el, time, status, problem, api };
})();
