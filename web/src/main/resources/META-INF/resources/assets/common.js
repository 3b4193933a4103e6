// What every screen shares: language and large-text preferences, building elements
// without HTML strings (no markup from data ever reaches innerHTML), calls to the API
// with the signed-in person's token, sign-in (authorization code with PKCE for staff,
// phone and one-time code for workers), dates in Asia/Shanghai, SLA clock chips and
// CSV export.

const ZONE = 'Asia/Shanghai';

export const prefs = {
  lang: localStorage.getItem('ws-lang') === 'en' ? 'en' : 'zh-CN',
  care: localStorage.getItem('ws-care') === '1',
};

export const en = () => prefs.lang === 'en';

/** Texts of the screens; tr('key') in the current language, {0} {1} filled in. */
const TEXTS = {};

export function texts(table) {
  Object.assign(TEXTS, table);
}

export function tr(key, ...args) {
  const entry = TEXTS[key];
  let text = entry ? (en() ? entry[1] : entry[0]) : key;
  args.forEach((arg, i) => { text = text.replace('{' + i + '}', String(arg)); });
  return text;
}

texts({
  'lang.switch': ['English', '中文'],
  'care.on': ['大字模式', 'Large text'],
  'care.off': ['标准字号', 'Standard text'],
  'signout': ['退出登录', 'Sign out'],
  'signin.staff': ['登录', 'Sign in'],
  'loading': ['正在加载…', 'Loading…'],
  'error.generic': ['操作未成功：', 'That did not work: '],
  'error.network': ['网络连接失败，请稍后重试。', 'The network failed; try again shortly.'],
  'error.session': ['登录已过期，请重新登录。', 'Your sign-in has expired; sign in again.'],
  'error.forbidden': ['您的账号无权进行此操作。', 'Your account may not do this.'],
  'saved': ['已保存', 'Saved'],
  'none': ['暂无', 'None'],
  'csv': ['导出 CSV', 'Export CSV'],
  'refresh': ['刷新', 'Refresh'],
  'clock.sign': ['签收', 'Sign'],
  'clock.resolve': ['办结', 'Resolve'],
  'clock.left': ['剩余{0}', '{0} left'],
  'clock.over': ['已超时{0}', '{0} overdue'],
  'clock.paused': ['已暂停（等待群众答复）', 'paused (waiting for the worker)'],
  'clock.doneInTime': ['已按时完成', 'done in time'],
  'clock.doneLate': ['超时完成', 'done late'],
  'unit.d': ['{0}天', '{0}d'],
  'unit.h': ['{0}小时', '{0}h'],
  'unit.m': ['{0}分钟', '{0}m'],
});

/** Applies language and text size to the page; the sign-in page reads the cookie. */
export function applyPrefs() {
  document.documentElement.lang = prefs.lang;
  document.documentElement.classList.toggle('care', prefs.care);
  document.cookie = 'ws-lang=' + (en() ? 'en' : 'zh') + '; path=/; SameSite=Lax';
}

export function setLang(lang) {
  prefs.lang = lang === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('ws-lang', en() ? 'en' : 'zh-CN');
  applyPrefs();
}

export function setCare(on) {
  prefs.care = on;
  localStorage.setItem('ws-care', on ? '1' : '0');
  applyPrefs();
}

/**
 * el('button', {class: 'primary', onclick: f}, 'text', child...): attributes, event
 * handlers (on...) and children; strings become text nodes.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.substring(2), value);
    } else if (name === 'value') {
      node.value = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** The live region every screen has: what just happened, read out by screen readers. */
export function announce(message, isError = false) {
  const region = document.getElementById('status');
  if (region) {
    clear(region, message ? el('p', { class: isError ? 'alert' : 'notice' }, message) : null);
  }
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }

  /** Field name to what is wrong with it, as the API names them. */
  fields() {
    const fields = {};
    for (const error of (this.problem.errors || [])) {
      fields[error.field] = error.problem;
    }
    return fields;
  }
}

/** The token the current screen calls with; set by the screen after sign-in. */
let token = null;
let onExpired = () => {};

export function useToken(value, expired) {
  token = value;
  if (expired) {
    onExpired = expired;
  }
}

/**
 * Calls the API through the gateway: JSON in and out (or a form, or a file as the raw
 * body), problem details as ApiError.
 */
export async function api(path, { method = 'GET', body, form, raw, contentType, auth = true } = {}) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': prefs.lang };
  if (auth && token) {
    headers['Authorization'] = 'Bearer ' + token;
  }
  let payload;
  if (raw) {
    headers['Content-Type'] = contentType;
    payload = raw;
  } else if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form).toString();
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { detail: tr('error.network') });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && auth) {
      onExpired();
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

/** An image the API serves to the signed-in person, as an address the page can show. */
export async function apiImage(path) {
  const response = await fetch(path, { headers: { 'Authorization': 'Bearer ' + token } });
  if (!response.ok) {
    throw new ApiError(response.status, null);
  }
  return URL.createObjectURL(await response.blob());
}

/** Shows an API error next to the form's fields, and in the live region. */
export function showError(error, formNode) {
  if (formNode) {
    formNode.querySelectorAll('.field-error').forEach((node) => node.remove());
    formNode.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
    announce(tr('error.generic') + error.message, true);
    return;
  }
  const fields = error.fields();
  if (formNode) {
    for (const [field, problem] of Object.entries(fields)) {
      const input = formNode.querySelector('[name="' + CSS.escape(field) + '"]');
      if (input) {
        const id = input.id + '-error';
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
        input.insertAdjacentElement('afterend', el('p', { class: 'field-error', id }, problem));
      }
    }
  }
  const message = error.status === 401 ? tr('error.session')
    : error.status === 403 ? tr('error.forbidden') : error.message;
  announce(tr('error.generic') + message, true);
}

/** Runs an action of a form: its button disabled meanwhile, errors shown by the fields. */
export async function act(formNode, action, done) {
  const buttons = formNode ? formNode.querySelectorAll('button') : [];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const result = await action();
    if (formNode) {
      formNode.querySelectorAll('.field-error').forEach((node) => node.remove());
    }
    if (done) {
      await done(result);
    }
    return result;
  } catch (error) {
    showError(error, formNode);
    return undefined;
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// ---- Sign-in of the staff screens: authorization code with PKCE -------------------

const CLIENT = 'waystation-web';

function randomText(bytes) {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(data);
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The staff sign-in of this tab, or null: {accessToken, idToken, expiresAt}. */
export function staffSession() {
  const stored = sessionStorage.getItem('ws-staff');
  if (!stored) {
    return null;
  }
  const session = JSON.parse(stored);
  return session.expiresAt > Date.now() + 5000 ? session : null;
}

/** Sends the browser to the identity service's sign-in; it comes back to /signed-in. */
export async function beginSignIn(area) {
  const verifier = randomText(48);
  const state = randomText(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem('ws-pkce', JSON.stringify({ verifier, state, area }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: CLIENT, scope: 'openid profile', state,
    redirect_uri: location.origin + '/signed-in',
    code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256',
  });
  location.assign('/oauth2/authorize?' + query.toString());
}

/** On /signed-in: trades the code for tokens and goes back to the screen it came from. */
export async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('ws-pkce') || 'null');
  sessionStorage.removeItem('ws-pkce');
  if (!pending || params.get('state') !== pending.state || !params.get('code')) {
    throw new Error(params.get('error_description') || params.get('error') || 'sign-in was not started here');
  }
  const tokens = await api('/oauth2/token', {
    method: 'POST', auth: false,
    form: {
      grant_type: 'authorization_code', code: params.get('code'), client_id: CLIENT,
      redirect_uri: location.origin + '/signed-in', code_verifier: pending.verifier,
    },
  });
  sessionStorage.setItem('ws-staff', JSON.stringify({
    accessToken: tokens.access_token, idToken: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  }));
  location.replace('/' + (['staff', 'supervisor', 'admin', 'operator'].includes(pending.area) ? pending.area : 'staff'));
}

/** Ends the sign-in here and at the identity service. */
export function signOutStaff(area) {
  const session = JSON.parse(sessionStorage.getItem('ws-staff') || 'null');
  sessionStorage.removeItem('ws-staff');
  if (session && session.idToken) {
    const query = new URLSearchParams({
      id_token_hint: session.idToken, post_logout_redirect_uri: location.origin + '/' + area,
    });
    location.assign('/connect/logout?' + query.toString());
  } else {
    location.assign('/' + area);
  }
}

/**
 * Starts a staff screen: signs in when needed, checks the role, draws the header, and
 * returns who is signed in (from /api/v1/auth/me).
 */
export async function startStaffScreen(area, title, roles) {
  applyPrefs();
  const session = staffSession();
  if (!session) {
    await beginSignIn(area);
    return null;
  }
  useToken(session.accessToken, () => beginSignIn(area));
  const me = await api('/api/v1/auth/me');
  header(title, [
    el('span', { class: 'who' }, me.name || me.subject),
    el('button', { type: 'button', onclick: () => signOutStaff(area) }, tr('signout')),
  ]);
  if (!me.roles.some((role) => roles.includes(role))) {
    announce(tr('error.forbidden'), true);
    return null;
  }
  return me;
}

/** The page's tab bar: a button a tab, the current one marked; a click picks the tab. */
export function tabBar(names, current, pick) {
  clear($('nav.tabs'), names.map((tab) => el('button', {
    type: 'button', 'aria-current': tab === current ? 'page' : null, 'data-tab': tab,
    onclick: () => pick(tab),
  }, tr('tab.' + tab))));
}

/** The coloured bar at the top: title, language switch, extra tools. */
export function header(title, tools = [], withCare = false) {
  const bar = $('header.bar');
  const render = () => {
    document.title = tr(title);
    clear(bar,
      el('h1', {}, tr(title)),
      el('div', { class: 'tools' },
        tools,
        withCare ? el('button', { type: 'button', 'aria-pressed': String(prefs.care),
          onclick: () => { setCare(!prefs.care); render(); } }, prefs.care ? tr('care.off') : tr('care.on')) : null,
        el('button', { type: 'button', lang: en() ? 'zh-CN' : 'en',
          onclick: () => { setLang(en() ? 'zh-CN' : 'en'); location.reload(); } }, tr('lang.switch'))));
  };
  render();
}

// ---- Dates, durations and SLA clocks ----------------------------------------------

export function when(instant, withTime = true) {
  if (!instant) {
    return '';
  }
  const options = { timeZone: ZONE, month: 'numeric', day: 'numeric' };
  if (withTime) {
    Object.assign(options, { hour: '2-digit', minute: '2-digit', hour12: false });
  }
  return new Intl.DateTimeFormat(prefs.lang, options).format(new Date(instant));
}

/** A date in Asia/Shanghai as yyyy-mm-dd, some days from today. */
export function day(offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(date);
}

export function span(ms) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [];
  if (d) {
    parts.push(tr('unit.d', d));
  }
  if (h) {
    parts.push(tr('unit.h', h));
  }
  if (!d && m) {
    parts.push(tr('unit.m', m));
  }
  return parts.join(en() ? ' ' : '');
}

/**
 * A clock's state as service desks colour it: on time, past half, past 80 %, breached,
 * paused, or done (in time or late). Elapsed share is of wall time from opening to the
 * deadline the working calendar gave.
 */
export function clockState(startedAt, dueAt, doneAt, paused, now = Date.now()) {
  if (!dueAt) {
    return null;
  }
  const due = Date.parse(dueAt);
  if (doneAt) {
    return { state: 'done', late: Date.parse(doneAt) > due };
  }
  if (paused) {
    return { state: 'paused' };
  }
  const start = Date.parse(startedAt);
  const share = due > start ? (now - start) / (due - start) : 1;
  const remaining = due - now;
  const state = remaining < 0 ? 'breached' : share >= 0.8 ? 'at-risk' : share >= 0.5 ? 'past-half' : 'on-time';
  return { state, remaining };
}

export function clockChip(labelKey, startedAt, dueAt, doneAt, paused) {
  const clock = clockState(startedAt, dueAt, doneAt, paused);
  if (!clock) {
    return null;
  }
  let text;
  if (clock.state === 'done') {
    text = tr(clock.late ? 'clock.doneLate' : 'clock.doneInTime');
  } else if (clock.state === 'paused') {
    text = tr('clock.paused');
  } else if (clock.remaining < 0) {
    text = tr('clock.over', span(clock.remaining));
  } else {
    text = tr('clock.left', span(clock.remaining));
  }
  return el('span', { class: 'chip ' + clock.state, 'data-clock': labelKey, 'data-state': clock.state },
    tr(labelKey) + ' · ' + text);
}

// ---- Reference data and CSV --------------------------------------------------------

let taxonomy = null;

/** The taxonomy (departments, categories, appeal types, priorities), zh and en. */
export async function loadTaxonomy() {
  if (!taxonomy) {
    taxonomy = await api('/assets/taxonomy.json', { auth: false });
  }
  return taxonomy;
}

export function name(kind, code) {
  if (!code || !taxonomy) {
    return code || '';
  }
  const entry = (taxonomy[kind] || []).find((item) => item.code === code);
  return entry ? (en() ? entry.en : entry.zh) : code;
}

export function options(kind, selected, withEmpty) {
  const list = (taxonomy && taxonomy[kind]) || [];
  return [withEmpty ? el('option', { value: '' }, withEmpty) : null,
    ...list.map((item) => el('option', { value: item.code, selected: item.code === selected },
      (en() ? item.en : item.zh) + ' (' + item.code + ')'))];
}

/** A CSV file with a byte-order mark, so that spreadsheet programs read the Chinese. */
export function downloadCsv(fileName, columns, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    const safe = /^[=+\-@]/.test(text) ? "'" + text : text;
    return /[",\n\r]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
  };
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  rows.forEach((row) => lines.push(columns.map((c) => cell(c.value(row))).join(',')));
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A table with a caption and a CSV button: columns [{label, value(row), cell(row)?}]. */
export function table(caption, columns, rows, { fileName, onRow, rowId } = {}) {
  const body = el('tbody', {}, rows.map((row) => {
    const tr_ = el('tr', onRow ? { tabindex: '0', 'data-id': rowId ? rowId(row) : null } : {},
      columns.map((c) => el('td', {}, c.cell ? c.cell(row) : c.value(row))));
    if (onRow) {
      tr_.addEventListener('click', () => onRow(row, tr_));
      tr_.addEventListener('keydown', (e) => { if (e.key === 'Enter') { onRow(row, tr_); } });
    }
    return tr_;
  }));
  const wrap = el('div', { class: 'scroll' },
    el('table', {},
      el('caption', { class: 'muted' }, caption),
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.label)))),
      body));
  const tools = fileName ? el('div', { class: 'actions' },
    el('button', { type: 'button', 'data-csv': fileName,
      onclick: () => downloadCsv(fileName, columns, rows) }, tr('csv'))) : null;
  return el('div', {}, rows.length ? wrap : el('p', { class: 'muted' }, caption + ' · ' + tr('none')), tools);
}

export function percent(value) {
  return value === null || value === undefined ? '—' : (Math.round(value * 1000) / 10) + ' %';
}
