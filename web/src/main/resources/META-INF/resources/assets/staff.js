// The staff console and the triage desk: queues with counts, a chip for each clock, the
// case file (the worker's words, why it came, history, internal notes apart from
// replies), the actions, response templates, keyboard shortcuts, and a queue that
// refreshes itself. Triage accounts also get the low-confidence and returned cases with
// the top-3 suggestions, re-dispatch, rejecting a return and merging duplicates.
import {
  $, act, announce, api, apiImage, clear, clockChip, el, en, loadTaxonomy, name, options, startStaffScreen, texts, tr,
  when,
} from './common.js';

texts({
  'title': ['诉求办理工作台', 'Case console'],
  'queue.active': ['在办', 'Active'],
  'queue.mine': ['我的', 'Mine'],
  'queue.unassigned': ['未分配', 'Unassigned'],
  'queue.dueSoon': ['即将到期', 'Due soon'],
  'queue.breached': ['已超时', 'Breached'],
  'queue.waitingForWorker': ['等待群众', 'Waiting for worker'],
  'queue.escalated': ['已督办', 'Escalated'],
  'queue.returned': ['退回待审', 'Returned'],
  'queue.closed': ['已办结', 'Closed'],
  'search': ['查询码、手机号或关键词', 'Tracking code, phone or words'],
  'search.go': ['查找', 'Find'],
  'col.code': ['查询码', 'Code'],
  'col.category': ['类别', 'Category'],
  'col.priority': ['优先级', 'Priority'],
  'col.status': ['状态', 'Status'],
  'col.clocks': ['时限', 'Clocks'],
  'col.assignee': ['承办人', 'Assignee'],
  'cases': ['案件列表', 'Cases'],
  'pick': ['从列表中选择一件案件。快捷键：J/K 上下移动，Enter 打开，S 签收，C 认领，R 回复，A 追问，N 内部备注，X 办结，? 帮助。',
    'Pick a case from the list. Keys: J/K move, Enter opens, S signs, C claims, R replies, A asks, N adds a note, X resolves, ? help.'],
  'file.words': ['群众原话', "The worker's words"],
  'file.facts': ['基本信息', 'Facts'],
  'file.photo': ['群众上传的照片 {0}', 'Photo {0} from the worker'],
  'file.channel': ['渠道', 'Channel'],
  'file.submitted': ['提交时间', 'Submitted'],
  'file.district': ['区域', 'District'],
  'file.station': ['驿站', 'Station'],
  'file.office': ['承办单位', 'Office'],
  'file.contact': ['联系电话', 'Phone'],
  'file.showPhone': ['查看电话（留痕）', 'Show phone (audited)'],
  'file.why': ['分派依据', 'Why it came here'],
  'file.suggestions': ['候选分类（前三）', 'Top-3 suggestions'],
  'file.history': ['处理记录', 'History'],
  'file.notes': ['内部备注（群众看不到）', 'Internal notes (never shown to the worker)'],
  'file.related': ['同一诉求的其他案件', 'Other cases of this appeal'],
  'act.sign': ['签收', 'Sign'],
  'act.claim': ['认领', 'Claim'],
  'act.reply': ['回复群众', 'Reply'],
  'act.ask': ['向群众追问', 'Ask the worker'],
  'act.note': ['内部备注', 'Internal note'],
  'act.extension': ['申请延期', 'Request extension'],
  'act.return': ['退回', 'Return'],
  'act.resolve': ['办结', 'Resolve'],
  'act.redispatch': ['改派', 'Re-dispatch'],
  'act.rejectReturn': ['驳回退回', 'Reject the return'],
  'act.merge': ['合并到', 'Merge into'],
  'act.send': ['提交', 'Submit'],
  'field.text': ['内容', 'Text'],
  'field.template': ['常用语', 'Response template'],
  'field.days': ['延期天数', 'Days more'],
  'field.reason': ['理由', 'Reason'],
  'field.basis': ['依据（职责清单、规定或法律条款）', 'Basis (duty list, rule or law)'],
  'field.resolution': ['办理结果', 'Outcome'],
  'field.department': ['改派部门', 'Department'],
  'field.category': ['类别（可不改）', 'Category (optional)'],
  'field.note': ['说明', 'Note'],
  'field.into': ['合并到的案件编号', 'Case id to merge into'],
  'done': ['已完成：{0}', 'Done: {0}'],
  'triage.heading': ['分拨台：退回与低置信度案件', 'Triage desk: returned and low-confidence cases'],
  'triage.returned': ['退回待审', 'Returned for review'],
  'triage.suggest': ['按建议改派到 {0}', 'Re-dispatch to {0}'],
  'help': ['快捷键：J/K 上下移动，Enter 打开，S 签收，C 认领，R 回复，A 追问，N 备注，X 办结，/ 查找。',
    'Keys: J/K move, Enter opens, S sign, C claim, R reply, A ask, N note, X resolve, / search.'],
  'refreshed': ['列表已更新 {0}', 'List updated {0}'],
  'action.OPENED': ['立案', 'Opened'],
  'action.ASSIGNED': ['分配承办人', 'Assigned'],
  'action.SIGNED': ['签收', 'Signed'],
  'action.STARTED': ['开始办理', 'Started'],
  'action.NOTE': ['内部备注', 'Internal note'],
  'action.REPLY': ['回复群众', 'Replied'],
  'action.QUESTION': ['向群众追问', 'Asked the worker'],
  'action.ANSWER': ['群众答复', 'Worker answered'],
  'action.EXTENSION_REQUESTED': ['申请延期', 'Extension requested'],
  'action.EXTENSION_APPROVED': ['延期获批', 'Extension approved'],
  'action.EXTENSION_REJECTED': ['延期未获批', 'Extension rejected'],
  'action.RETURNED': ['退回', 'Returned'],
  'action.RETURN_REJECTED': ['退回被驳回', 'Return rejected'],
  'action.REDISPATCHED': ['改派', 'Re-dispatched'],
  'action.RESOLVED': ['办结', 'Resolved'],
  'action.RATED': ['群众评价', 'Worker rated'],
  'action.REOPENED': ['重新办理', 'Reopened'],
  'action.ESCALATED': ['升级督办', 'Escalated'],
  'action.SLA_WARNING': ['时限预警', 'SLA warning'],
  'action.SLA_BREACHED': ['已超时', 'SLA breached'],
  'action.CLOSED': ['结案', 'Closed'],
  'action.MERGED': ['合并', 'Merged'],
  'status.OPEN': ['待签收', 'To sign'],
  'status.SIGNED': ['已签收', 'Signed'],
  'status.IN_PROGRESS': ['办理中', 'In progress'],
  'status.WAITING_FOR_WORKER': ['等待群众答复', 'Waiting for worker'],
  'status.RESOLVED': ['已办结待评价', 'Resolved'],
  'status.RATED': ['已评价', 'Rated'],
  'status.REOPENED': ['重新办理', 'Reopened'],
  'status.CLOSED': ['已关闭', 'Closed'],
  'status.RETURNED': ['已退回', 'Returned'],
  'status.REDISPATCHED': ['已改派', 'Re-dispatched'],
  'status.MERGED': ['已合并', 'Merged'],
});

/** Prepared texts staff start from; each is edited before sending. */
const TEMPLATES = {
  reply: [
    ['您好，您反映的问题已收到，我们正在联系相关单位核实，3个工作日内给您答复。',
      'Hello, we have your appeal and are checking with those involved; we will answer within 3 working days.'],
    ['您好，经核实，平台已同意补发相关款项，请留意到账情况。',
      'Hello, the platform has agreed to pay what is owed; please check that it arrives.'],
  ],
  ask: [
    ['请提供与站点或平台的聊天记录截图、转账记录等材料。', 'Please send screenshots of your chats with the station or platform and any payment records.'],
    ['请告知具体的站点名称和站长姓名。', 'Please tell us the name of the station and of its manager.'],
  ],
  resolve: [
    ['经约谈，站点已将拖欠款项足额支付给您。', 'After our meeting, the station has paid you everything owed.'],
    ['已为您转介法律援助中心，律师将在2个工作日内联系您。', 'You have been referred to the legal aid centre; a lawyer will call you within 2 working days.'],
  ],
};

const ACTIVE = ['OPEN', 'SIGNED', 'IN_PROGRESS', 'WAITING_FOR_WORKER', 'REOPENED'];
const REFRESH_MS = 15000;

let me;
let filter = 'active';
let search = '';
let cases = [];
let selected = null;
let current = null;

function queueQuery(which) {
  const q = new URLSearchParams({ size: '50' });
  const add = (k, v) => q.append(k, v);
  switch (which) {
    case 'mine': ACTIVE.forEach((s) => add('status', s)); add('assignee', me.subject); break;
    case 'unassigned': ACTIVE.forEach((s) => add('status', s)); add('assignee', ''); break;
    case 'dueSoon': ACTIVE.forEach((s) => add('status', s)); add('dueBefore', new Date(Date.now() + 86400000).toISOString()); break;
    case 'breached': ACTIVE.forEach((s) => add('status', s)); add('overdue', 'true'); break;
    case 'waitingForWorker': add('status', 'WAITING_FOR_WORKER'); break;
    case 'escalated': ACTIVE.forEach((s) => add('status', s)); add('escalated', 'true'); break;
    case 'returned': add('status', 'RETURNED'); break;
    case 'closed': ['RESOLVED', 'RATED', 'CLOSED'].forEach((s) => add('status', s)); break;
    default: ACTIVE.forEach((s) => add('status', s));
  }
  if (search) {
    if (/^WS[A-Z0-9]{8}$/i.test(search)) {
      add('trackingCode', search.toUpperCase());
    } else if (/^[0-9-]{7,}$/.test(search)) {
      add('phone', search);
    } else {
      add('q', search);
    }
  }
  return q.toString();
}

function clocks(c) {
  return el('span', { class: 'clocks' },
    clockChip('clock.sign', c.openedAt, c.signDueAt, c.signedAt, false), ' ',
    clockChip('clock.resolve', c.openedAt, c.resolveDueAt, c.resolvedAt, c.status === 'WAITING_FOR_WORKER'));
}

async function refresh(quiet) {
  const [counts, page] = await Promise.all([
    api('/api/v1/departments/' + encodeURIComponent(me.department) + '/queues'),
    api('/api/v1/departments/' + encodeURIComponent(me.department) + '/cases?' + queueQuery(filter)),
  ]);
  cases = page.items;
  const numbers = { active: counts.total, mine: counts.mine, unassigned: counts.unassigned, dueSoon: counts.dueSoon,
    breached: counts.breached, waitingForWorker: counts.waitingForWorker, escalated: counts.escalated,
    returned: counts.returned, closed: null };
  clear($('#counts'), Object.entries(numbers).map(([key, n]) => el('button', {
    type: 'button', 'aria-pressed': String(filter === key), 'data-queue': key,
    onclick: () => { filter = key; refresh(); },
  }, tr('queue.' + key), n === null ? null : [' ', el('span', { class: 'n' }, n)])));
  clear($('#cases'), el('div', { class: 'scroll' }, el('table', {},
    el('caption', { class: 'muted' }, tr('cases') + ' · ' + tr('queue.' + filter) + ' · ' + page.total),
    el('thead', {}, el('tr', {}, ['col.code', 'col.category', 'col.priority', 'col.status', 'col.clocks',
      'col.assignee'].map((k) => el('th', { scope: 'col' }, tr(k))))),
    el('tbody', {}, cases.map((c) => {
      const row = el('tr', { tabindex: '0', 'data-case': c.caseId, 'data-code': c.trackingCode,
        class: c.caseId === selected ? 'selected' : null },
      el('td', {}, c.trackingCode),
      el('td', {}, name('categories', c.category)),
      el('td', {}, c.priority === 'URGENT' ? el('span', { class: 'chip urgent' }, name('priorities', c.priority))
        : name('priorities', c.priority)),
      el('td', {}, tr('status.' + c.status)),
      el('td', {}, clocks(c)),
      el('td', {}, c.assignee || '—'));
      row.addEventListener('click', () => open(c.caseId));
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter') { open(c.caseId); } });
      return row;
    })))));
  if (!quiet) {
    announce('');
  }
  $('#refreshed').textContent = tr('refreshed', when(new Date().toISOString()));
}

async function open(caseId) {
  selected = caseId;
  document.querySelectorAll('#cases tr.selected').forEach((r) => r.classList.remove('selected'));
  const row = document.querySelector('#cases tr[data-case="' + CSS.escape(caseId) + '"]');
  if (row) {
    row.classList.add('selected');
  }
  current = await api('/api/v1/cases/' + encodeURIComponent(caseId));
  renderFile(current);
}

function renderFile(c) {
  const routing = c.routing || {};
  const notes = (c.history || []).filter((h) => h.internal && h.action === 'NOTE');
  const history = (c.history || []).filter((h) => !(h.internal && h.action === 'NOTE'));
  const panel = el('section', { class: 'panel', id: 'case-file', 'data-status': c.status, 'data-case': c.caseId,
    'aria-labelledby': 'case-title' },
  el('h2', { id: 'case-title' }, c.trackingCode + ' · ' + name('categories', c.category)),
  el('p', {}, el('span', { class: 'chip done' }, tr('status.' + c.status)), ' ', clocks(c)),
  el('h3', {}, tr('file.words')),
  el('p', { class: 'words', id: 'worker-words' }, c.text || '—'),
  el('div', { class: 'thumbs', id: 'photos' }),
  actions(c),
  el('h3', {}, tr('file.facts')),
  el('dl', { class: 'facts' },
    el('dt', {}, tr('file.channel')), el('dd', {}, c.channel || '—'),
    el('dt', {}, tr('file.submitted')), el('dd', {}, when(c.submittedAt) || '—'),
    el('dt', {}, tr('file.district')), el('dd', {}, c.district || '—'),
    el('dt', {}, tr('file.station')), el('dd', {}, c.stationId || '—'),
    el('dt', {}, tr('file.office')), el('dd', {}, c.office || '—'),
    el('dt', {}, tr('file.contact')), el('dd', { id: 'contact' }, el('button', { type: 'button',
      onclick: async (e) => {
        const contact = await act(null, () => api('/api/v1/appeals/' + encodeURIComponent(c.trackingCode) + '/contact'));
        if (contact) {
          e.target.replaceWith(contact.phone);
        }
      } }, tr('file.showPhone')))),
  el('h3', {}, tr('file.why')),
  el('p', { id: 'explanation' }, (en() ? routing.explanationEn : routing.explanation) || '—'),
  el('h3', {}, tr('file.suggestions')),
  el('ol', { id: 'suggestions' }, (c.suggestions || []).map((s) => el('li', {},
    name('categories', s.category) + ' → ' + name('departments', s.department) + ' (' + Math.round(s.score * 100) + '%)',
    isTriage() && s.department !== c.department ? [' ', el('button', { type: 'button', 'data-redispatch': s.department,
      onclick: () => redispatch(c, s.department, s.category) }, tr('triage.suggest', name('departments', s.department)))]
      : null))),
  el('h3', {}, tr('file.notes')),
  notes.length ? el('ul', { id: 'notes' }, notes.map((n) => el('li', {}, n.text, ' ',
    el('span', { class: 'muted' }, '— ' + n.actor + ' · ' + when(n.at))))) : el('p', { class: 'muted' }, tr('none')),
  el('h3', {}, tr('file.history')),
  el('ol', { class: 'timeline', id: 'history' }, history.slice().reverse().map((h) => el('li', {
    class: h.internal ? 'internal' : null, 'data-action': h.action },
  el('strong', {}, tr('action.' + h.action)), ' ', el('span', { class: 'muted' }, when(h.at) + ' · ' + h.actor),
  h.text ? el('p', { class: 'words' }, h.text) : null,
  h.detail ? el('p', { class: 'muted' }, h.detail) : null))),
  (c.relatedCases || []).length > 1 ? [el('h3', {}, tr('file.related')), el('ul', {}, c.relatedCases
    .filter((r) => r.caseId !== c.caseId)
    .map((r) => el('li', {}, name('departments', r.department) + ' · ' + r.role + ' · ' + tr('status.' + r.status))))]
    : null);
  clear($('#file'), panel);
  showPhotos(c);
}

/** The photos the worker sent, fetched with the token and shown from blob addresses. */
async function showPhotos(c) {
  const photos = await api('/api/v1/appeals/' + encodeURIComponent(c.trackingCode) + '/photos').catch(() => []);
  const box = $('#photos');
  for (const photo of photos) {
    const src = await apiImage(photo.url).catch(() => null);
    if (src && box && box.isConnected) {
      const alt = tr('file.photo', photo.n);
      box.append(el('a', { href: src, target: '_blank', rel: 'noopener', 'aria-label': alt },
        el('img', { src, alt, 'data-photo': photo.n })));
    }
  }
}

function isTriage() {
  return me.roles.includes('TRIAGE');
}

/** The actions this case allows now; each opens its small form. */
function actions(c) {
  const box = el('div', { id: 'action-form' });
  const buttons = [];
  const add = (key, handler, shortcut) => buttons.push(el('button', { type: 'button', 'data-action': key,
    'aria-keyshortcuts': shortcut || null, onclick: handler }, tr('act.' + key), shortcut ? [' ', el('kbd', {}, shortcut)]
    : null));
  const active = ACTIVE.includes(c.status);
  if (c.status === 'OPEN') {
    add('sign', () => run(c, 'sign', {}), 'S');
  }
  if (active && c.assignee !== me.subject) {
    add('claim', () => run(c, 'claim', {}), 'C');
  }
  if (active && c.status !== 'OPEN') {
    add('reply', () => textForm(box, c, 'replies', 'reply', 'text'), 'R');
    add('ask', () => textForm(box, c, 'info-requests', 'ask', 'text'), 'A');
    add('resolve', () => textForm(box, c, 'resolve', 'resolve', 'resolution'), 'X');
    add('extension', () => extensionForm(box, c));
  }
  if (active || c.status === 'RETURNED') {
    add('note', () => textForm(box, c, 'notes', 'note', 'text'), 'N');
  }
  if (active && !isTriage()) {
    add('return', () => returnForm(box, c));
  }
  if (isTriage() && (c.status === 'RETURNED' || c.department === 'TRIAGE')) {
    add('redispatch', () => redispatch(c));
    if (c.status === 'RETURNED') {
      add('rejectReturn', () => reasonForm(box, c));
    }
    add('merge', () => mergeForm(box, c));
  }
  return el('div', {}, el('div', { class: 'actions', id: 'actions' }, buttons), box);
}

async function run(c, path, body, form) {
  return act(form || null, () => api('/api/v1/cases/' + encodeURIComponent(c.caseId) + '/' + path,
    { method: 'POST', body }), async (updated) => {
    current = updated;
    renderFile(updated);
    announce(tr('done', tr('status.' + updated.status)));
    await refresh(true);
  });
}

function textForm(box, c, path, kind, field) {
  const templates = TEMPLATES[kind === 'resolve' ? 'resolve' : kind === 'ask' ? 'ask' : 'reply'];
  const area = el('textarea', { id: 'action-text', name: field, required: true, maxlength: '2000' });
  const form = el('form', { novalidate: true, 'data-form': kind },
    el('h3', {}, tr('act.' + kind)),
    kind === 'note' ? null : [el('label', { for: 'template' }, tr('field.template')),
      el('select', { id: 'template', onchange: (e) => { if (e.target.value !== '') {
        area.value = templates[Number(e.target.value)][en() ? 1 : 0];
      } } }, el('option', { value: '' }, '—'), templates.map((t, i) => el('option', { value: String(i) },
        t[en() ? 1 : 0])))],
    el('label', { for: 'action-text' }, tr(field === 'resolution' ? 'field.resolution' : 'field.text')), area,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(c, path, { [field]: area.value }, form);
  });
  clear(box, form);
  area.focus();
}

function extensionForm(box, c) {
  const form = el('form', { novalidate: true, 'data-form': 'extension' },
    el('h3', {}, tr('act.extension')),
    el('label', { for: 'ext-days' }, tr('field.days')),
    el('input', { id: 'ext-days', name: 'extension', type: 'number', min: '1', max: '90', required: true, value: '5' }),
    el('label', { for: 'ext-reason' }, tr('field.reason')),
    el('textarea', { id: 'ext-reason', name: 'reason', required: true, maxlength: '500' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const days = form.elements.extension.value.trim();
    run(c, 'extension', { extension: /^\d+$/.test(days) ? 'P' + days + 'D' : days, reason: form.elements.reason.value },
      form);
  });
  clear(box, form);
  form.elements.extension.focus();
}

function returnForm(box, c) {
  const form = el('form', { novalidate: true, 'data-form': 'return' },
    el('h3', {}, tr('act.return')),
    el('label', { for: 'ret-reason' }, tr('field.reason')),
    el('textarea', { id: 'ret-reason', name: 'reason', required: true, maxlength: '500' }),
    el('label', { for: 'ret-basis' }, tr('field.basis')),
    el('input', { id: 'ret-basis', name: 'basis', required: true, maxlength: '500' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(c, 'return', { reason: form.elements.reason.value, basis: form.elements.basis.value }, form);
  });
  clear(box, form);
  form.elements.reason.focus();
}

function reasonForm(box, c) {
  const form = el('form', { novalidate: true, 'data-form': 'reject-return' },
    el('h3', {}, tr('act.rejectReturn')),
    el('label', { for: 'rej-reason' }, tr('field.reason')),
    el('textarea', { id: 'rej-reason', name: 'reason', required: true, maxlength: '500' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(c, 'return/reject', { reason: form.elements.reason.value }, form);
  });
  clear(box, form);
  form.elements.reason.focus();
}

function mergeForm(box, c) {
  const form = el('form', { novalidate: true, 'data-form': 'merge' },
    el('h3', {}, tr('act.merge')),
    el('label', { for: 'merge-into' }, tr('field.into')),
    el('input', { id: 'merge-into', name: 'intoCaseId', required: true }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(c, 'merge', { intoCaseId: form.elements.intoCaseId.value.trim() }, form);
  });
  clear(box, form);
  form.elements.intoCaseId.focus();
}

function redispatch(c, department, category) {
  const box = $('#action-form');
  const form = el('form', { novalidate: true, 'data-form': 'redispatch' },
    el('h3', {}, tr('act.redispatch')),
    el('label', { for: 'rd-department' }, tr('field.department')),
    el('select', { id: 'rd-department', name: 'department', required: true },
      options('departments', department || '', '—')),
    el('label', { for: 'rd-category' }, tr('field.category')),
    el('select', { id: 'rd-category', name: 'category' }, options('categories', category || '', '—')),
    el('label', { for: 'rd-note' }, tr('field.note')),
    el('textarea', { id: 'rd-note', name: 'note', maxlength: '500' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('act.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(c, 'redispatch', { department: form.elements.department.value,
      category: form.elements.category.value || null, note: form.elements.note.value || null }, form);
  });
  clear(box, form);
  form.elements.department.focus();
}

async function triageDesk() {
  const worklist = await api('/api/v1/supervision/worklist?kind=RETURNED&limit=50');
  clear($('#triage'), el('h2', {}, tr('triage.heading')),
    worklist.items.length === 0 ? el('p', { class: 'muted' }, tr('triage.returned') + ' · ' + tr('none'))
      : el('ul', { id: 'returned' }, worklist.items.map((item) => el('li', {},
        el('button', { type: 'button', 'data-case': item.caseId, onclick: () => open(item.caseId) },
          item.trackingCode + ' · ' + name('departments', item.department) + ' · ' + tr('status.' + item.status)),
        item.reason ? el('span', { class: 'muted' }, ' ' + item.reason) : null))));
}

function shortcuts(e) {
  if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) {
    return;
  }
  const key = e.key.toLowerCase();
  const index = cases.findIndex((c) => c.caseId === selected);
  if (key === 'j' || key === 'k') {
    const next = cases[Math.min(cases.length - 1, Math.max(0, index + (key === 'j' ? 1 : -1)))];
    if (next) {
      const row = document.querySelector('#cases tr[data-case="' + CSS.escape(next.caseId) + '"]');
      selected = next.caseId;
      document.querySelectorAll('#cases tr.selected').forEach((r) => r.classList.remove('selected'));
      row.classList.add('selected');
      row.focus();
    }
    e.preventDefault();
  } else if (key === '/') {
    $('#search').focus();
    e.preventDefault();
  } else if (key === '?') {
    announce(tr('help'));
  } else {
    const map = { s: 'sign', c: 'claim', r: 'reply', a: 'ask', n: 'note', x: 'resolve' };
    const button = map[key] && document.querySelector('#actions [data-action="' + map[key] + '"]');
    if (button) {
      button.click();
      e.preventDefault();
    }
  }
}

async function main() {
  me = await startStaffScreen('staff', 'title', ['STAFF', 'TRIAGE']);
  if (!me) {
    return;
  }
  await loadTaxonomy();
  const searchForm = el('form', { role: 'search', class: 'row' },
    el('div', {}, el('label', { for: 'search' }, tr('search')), el('input', { id: 'search', name: 'q', type: 'search' })),
    el('div', {}, el('button', { type: 'submit' }, tr('search.go'))));
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    search = searchForm.elements.q.value.trim();
    refresh();
  });
  clear($('#view'),
    isTriage() ? el('section', { class: 'panel', id: 'triage' }) : null,
    el('div', { class: 'split' },
      el('section', { class: 'panel', 'aria-label': tr('cases') },
        el('h2', {}, name('departments', me.department) || me.department),
        el('div', { class: 'counts', id: 'counts' }), searchForm,
        el('p', { class: 'muted', id: 'refreshed', 'aria-live': 'off' }),
        el('div', { id: 'cases' })),
      el('div', { id: 'file' }, el('section', { class: 'panel' }, el('p', {}, tr('pick'))))));
  document.addEventListener('keydown', shortcuts);
  await refresh();
  if (isTriage()) {
    await triageDesk();
  }
  setInterval(() => {
    if (!document.hidden) {
      refresh(true).catch(() => {});
      if (isTriage()) {
        triageDesk().catch(() => {});
      }
    }
  }, REFRESH_MS);
}

main().catch((error) => announce(tr('error.generic') + error.message, true));
