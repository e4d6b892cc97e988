'use strict';
/*
 * Signing a person in on a Diaspora Desk screen: the authorization code flow with PKCE against the identity server
 * (the public client of the screens), the token kept in this browser tab only, sign-out at the issuer too. Every
 * service that serves a screen serves this file and GET /desk-web/sign-in (where the issuer is, which client).
 *
 *   const session = DeskSignIn.create({ tokenKey: 'ddesk.desk.token', onSignedIn, onSignedOut });
 *   session.start();   // finishes a sign-in coming back with a code, or resumes the tab's token
 *   session.stream('/calls/stream', { signal, onEvent, onRefused, onLost });   // server-sent events with the token
 */
window.DeskSignIn = (() => {
  const RECONNECT_MS = 2000;

  function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_')
      .replace(/=+$/, '');
  }

  /** The issuer's endpoints, from its OpenID discovery document. */
  async function issuer() {
    const signInAt = await (await fetch('/desk-web/sign-in')).json();
    const discovery = await (await fetch(signInAt.issuer + '/.well-known/openid-configuration')).json();
    return { ...discovery, clientId: signInAt.clientId };
  }

  function here() {
    return location.origin + location.pathname;
  }

  /**
   * @param options.tokenKey    where the tab keeps the access token (sessionStorage)
   * @param options.onSignedIn  called with the session once a token is there
   * @param options.onSignedOut called with a message (or nothing) when the person has to sign in
   */
  function create({ tokenKey, onSignedIn, onSignedOut }) {
    const pendingKey = tokenKey + '.signIn';
    const idTokenKey = tokenKey + '.id';
    let token = null;

    const session = {
      token: () => token,

      claims() {
        try {
          const payload = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
          return JSON.parse(decodeURIComponent(escape(atob(payload))));
        }
        catch (error) {
          return {};
        }
      },

      who() {
        const claims = session.claims();
        return claims.name || claims.preferred_username || claims.sub || '';
      },

      /**
       * Sends the person to the issuer's sign-in (the verifier stays in this tab and only its hash travels), coming
       * back to this page, with the address's query as it was, and a code.
       */
      async signIn() {
        const provider = await issuer();
        const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
        const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
        const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, search: location.search }));
        location.assign(provider.authorization_endpoint + '?' + new URLSearchParams({ response_type: 'code',
          client_id: provider.clientId, redirect_uri: here(), scope: 'openid', state, code_challenge: challenge,
          code_challenge_method: 'S256' }));
      },

      /** Ends the session at the issuer too, so that the next sign-in asks for the password again. */
      async signOut() {
        const idToken = sessionStorage.getItem(idTokenKey);
        sessionStorage.removeItem(tokenKey);
        sessionStorage.removeItem(idTokenKey);
        token = null;
        const provider = await issuer();
        if (!provider.end_session_endpoint || !idToken) {
          onSignedOut('Signed out');
          return;
        }
        location.assign(provider.end_session_endpoint + '?' + new URLSearchParams({ id_token_hint: idToken,
          post_logout_redirect_uri: here(), client_id: provider.clientId }));
      },

      /**
       * Follows a stream of the service with this session's token until {@code signal} aborts it, reconnecting after a
       * lost connection ({@code onLost}); a 401 sends the person back to sign in, another refusal goes to
       * {@code onRefused(status, problem)}.
       */
      stream(path, { signal, onEvent, onRefused, onLost }) {
        (async function connect() {
          if (signal.aborted) {
            return;
          }
          try {
            const refusal = await follow(path, token, signal, onEvent);
            if (refusal) {
              const problem = await refusal.json().catch(() => ({}));
              if (refusal.status === 401) {
                session.expired(problem.detail);
              }
              else {
                onRefused(refusal.status, problem);
              }
              return;
            }
          }
          catch (error) {
            if (signal.aborted) {
              return;
            }
          }
          if (!signal.aborted) {
            onLost();
            setTimeout(connect, RECONNECT_MS);
          }
        })();
      },

      /** A 401 from a service: the token expired or was refused, and the person signs in again. */
      expired(detail) {
        sessionStorage.removeItem(tokenKey);
        token = null;
        onSignedOut('Your sign-in has expired or was refused (' + (detail || 'not valid') + '). Sign in again.');
      },

      start() {
        const query = new URLSearchParams(location.search);
        if (query.has('error')) {
          sessionStorage.removeItem(pendingKey);
          history.replaceState(null, '', location.pathname);
          onSignedOut('The sign-in was refused (' + query.get('error') + '). Sign in again.');
        }
        else if (query.has('code')) {
          finish(query);
        }
        else if ((token = sessionStorage.getItem(tokenKey))) {
          onSignedIn(session);
        }
        else {
          onSignedOut();
        }
      },
    };

    /** Back from the sign-in with a code: exchanged for the token, and taken out of the address bar. */
    async function finish(query) {
      const pending = JSON.parse(sessionStorage.getItem(pendingKey) || 'null');
      sessionStorage.removeItem(pendingKey);
      history.replaceState(null, '', location.pathname + (pending?.search || ''));
      if (!pending || pending.state !== query.get('state')) {
        onSignedOut('The sign-in did not come from this page. Sign in again.');
        return;
      }
      const provider = await issuer();
      const response = await fetch(provider.token_endpoint, { method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code'), redirect_uri: here(),
          client_id: provider.clientId, code_verifier: pending.verifier }) });
      if (!response.ok) {
        onSignedOut('The sign-in could not be completed (HTTP ' + response.status + '). Sign in again.');
        return;
      }
      const tokens = await response.json();
      token = tokens.access_token;
      sessionStorage.setItem(tokenKey, token);
      sessionStorage.setItem(idTokenKey, tokens.id_token || '');
      onSignedIn(session);
    }

    return session;
  }

  /**
   * Reads a server-sent event stream with the token (fetch, because EventSource cannot send it), calling
   * {@code onEvent(name, data)} for each event and {@code onEvent('open')} once connected; resolves when the stream
   * ends, with the response if it was refused.
   */
  async function follow(path, token, signal, onEvent) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
      signal });
    if (!response.ok) {
      return response;
    }
    onEvent('open', null);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += chunk.value.replaceAll('\r\n', '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
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
          onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    }
    return null;
  }

  return { create };
})();
