// Entry point: token handling, view switching, the refresh loop and the error banner.
import { ApiError } from './api.js';
import { BatchView } from './batch.js';
import { GroupView } from './group.js';
import * as tokens from './token.js';

/**
 * Poll period. The service keeps a batch snapshot for up to 3 s (stride.dashboard.snapshot-ttl), so a change is on
 * screen at most ~3 s + this period + one request after it reached Cassandra: within the 5 s the page promises.
 * Group progress is served from the group cache, so there the cache TTL (/admin/cache/ttl) bounds freshness.
 */
const REFRESH_MS = 1000;

const $ = id => document.getElementById(id);
let token = null;
let view = null;
let timer = null;
let inflight = null;
let stopped = false; // after a permanent error (400/401/403/404) until the user changes something

const ctx = {
  token: () => token,
  changed: () => {
    stopped = false;
    writeUrl();
    refreshNow();
  },
  error: e => showError(e),
};

const views = { batch: new BatchView(ctx), group: new GroupView(ctx) };

function showError(e) {
  const api = e instanceof ApiError;
  $('error-title').textContent = api && e.status ? `Error ${e.status}:` : 'Error:';
  $('error-message').textContent = e.message;
  $('error-code').textContent = api ? e.code : '';
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

function live(state, title) {
  $('live').className = `live ${state}`;
  $('live').title = title ?? state;
}

function writeUrl() {
  if (!view) return;
  const q = new URLSearchParams(Object.entries(view.urlParams()).filter(([, v]) => v));
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

function show(name) {
  view = views[name];
  for (const [n, v] of Object.entries(views)) {
    $(`${n}-view`).hidden = v !== view;
    $(`tab-${n}`).classList.toggle('active', v === view);
  }
}

function refreshNow() {
  clearTimeout(timer);
  inflight?.abort();
  tick();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(tick, REFRESH_MS);
}

async function tick() {
  if (!token || !view || !view.ready() || stopped) return;
  if (document.hidden) {
    schedule(); // no requests from a background tab; visibilitychange refreshes at once
    return;
  }
  const controller = new AbortController();
  inflight = controller;
  const timeout = setTimeout(() => controller.abort(), 10_000);
  live('busy', 'refreshing');
  try {
    const note = await view.refresh(controller.signal);
    if (inflight !== controller) return;
    hideError();
    live('ok', 'live');
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()} · ${note} · refreshes every ${REFRESH_MS / 1000} s`;
  } catch (e) {
    if (inflight !== controller) return; // superseded by a newer request
    if (e.name === 'AbortError') e = new ApiError(0, 'TIMEOUT', 'the service did not answer within 10 s');
    showError(e);
    live('failed', e.message);
    if (e instanceof ApiError && e.permanent) {
      stopped = true;
      if (e.status === 401) askForToken();
    }
  } finally {
    clearTimeout(timeout);
    if (inflight === controller) {
      inflight = null;
      if (!stopped) schedule();
    }
  }
}

function askForToken() {
  $('token-panel').hidden = false;
  $('token-input').focus();
}

function useToken(t) {
  token = t;
  const c = tokens.claims(t);
  if (c) {
    const roles = Array.isArray(c.roles) ? c.roles.join(', ') : (c.roles ?? '');
    $('who').textContent = `${c.sub ?? '?'} @ ${c.tenant ?? '?'} · ${roles}`;
    if (c.exp && c.exp * 1000 < Date.now()) {
      showError(new ApiError(401, 'TOKEN_EXPIRED', `the token expired at ${new Date(c.exp * 1000).toLocaleString()}; paste a new one`));
      askForToken();
      return;
    }
  } else {
    $('who').textContent = 'token is not a JWT';
  }
  $('token-panel').hidden = true;
}

function start() {
  const fragment = tokens.takeTokenFromFragment();
  const query = new URLSearchParams(location.search);
  const param = k => query.get(k) ?? fragment.get(k) ?? undefined;

  $('token-form').addEventListener('submit', e => {
    e.preventDefault();
    const t = $('token-input').value.trim();
    if (!t) return;
    tokens.save(t);
    $('token-input').value = '';
    hideError();
    useToken(tokens.load());
    ctx.changed();
  });
  $('forget-token').addEventListener('click', () => {
    tokens.forget();
    token = null;
    $('who').textContent = '';
    inflight?.abort();
    clearTimeout(timer);
    askForToken();
  });
  document.querySelectorAll('.tab').forEach(b => b.addEventListener('click', () => {
    show(b.dataset.view);
    hideError();
    ctx.changed();
  }));
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) refreshNow();
  });

  const stored = tokens.load();
  if (stored) useToken(stored); else askForToken();

  const name = param('view') ?? (param('group') && !param('batch') ? 'group' : 'batch');
  show(views[name] ? name : 'batch');
  views.batch.set({ course: param('course'), batch: param('batch'), group: param('group'),
    sort: param('sort'), order: param('order') });
  if (view === views.group) views.group.set({ group: param('group') });
}

start();
