// The admin screens: routing rules with a live preview of how a sample text would be
// routed and the audit history; SLA policies; the holiday calendar; accounts and roles.
import {
  $, act, announce, api, clear, el, en, loadTaxonomy, name, options, startStaffScreen, tabBar, table, texts, tr, when,
} from './common.js';

texts({
  'title': ['系统管理', 'Administration'],
  'tab.rules': ['分派规则', 'Routing rules'],
  'tab.sla': ['办理时限', 'SLA policies'],
  'tab.calendar': ['节假日', 'Holiday calendar'],
  'tab.accounts': ['账号与角色', 'Accounts and roles'],
  'tab.open311': ['Open311 接入', 'Open311 clients'],
  'open311': ['Open311 客户端', 'Open311 clients'],
  'open311.hint': ['为接入的第三方系统（如区总工会小程序）签发 API 密钥。密钥只显示一次，系统只保存其摘要；停用后立即失效。',
    'Issue an API key to each system that files appeals through Open311 (a union mini-program, say). The key is shown once and only its digest is kept; revoking it stops it at once.'],
  'open311.name': ['客户端名称', 'Client name'],
  'open311.issue': ['签发密钥', 'Issue a key'],
  'open311.issued': ['已为 {0} 签发密钥：{1}（只显示这一次，请通过安全渠道交给对方）', 'Key for {0}: {1} (shown this once; hand it over securely)'],
  'open311.revoke': ['吊销密钥', 'Revoke'],
  'deadLetters': ['死信', 'Dead letters'],
  'deadLetters.hint': ['各服务无法处理的消息（无法读取，或重试后仍失败）。排除原因后可重新投递一次；已处理过的服务不会重复处理。',
    'Messages a service could not handle (unreadable, or still failing after retries). Once the cause is fixed, replay one, once; services that handled it already change nothing.'],
  'deadLetters.topic': ['原主题', 'Original topic'],
  'deadLetters.all': ['全部', 'All'],
  'deadLetters.reason': ['原因', 'Reason'],
  'deadLetters.consumer': ['消费方', 'Consumer'],
  'deadLetters.value': ['内容', 'Content'],
  'deadLetters.failedAt': ['失败时间', 'Failed at'],
  'deadLetters.replay': ['重新投递', 'Replay'],
  'deadLetters.replayed': ['已于 {0} 由 {1} 重新投递', 'Replayed at {0} by {1}'],
  'deadLetters.none': ['没有死信。', 'No dead letters.'],
  'col.clientId': ['客户端编号', 'Client id'],
  'col.issuedBy': ['签发人', 'Issued by'],
  'col.issuedAt': ['签发时间', 'Issued'],
  'preview': ['分派预览', 'Routing preview'],
  'preview.hint': ['输入一段诉求文字，查看按现行规则会如何分派。修改规则后，预览随之变化。',
    'Type an appeal to see how the rules in force would route it; it follows every rule change.'],
  'preview.text': ['诉求文字', 'Appeal text'],
  'preview.district': ['区域（可不填）', 'District (optional)'],
  'preview.station': ['驿站编号（可不填）', 'Station id (optional)'],
  'preview.go': ['预览', 'Preview'],
  'preview.result': ['将分派至 {0}（{1}），类别 {2}，置信度 {3}%', 'Would go to {0} ({1}), category {2}, confidence {3}%'],
  'preview.triage': ['置信度不足，将转分拨台人工分派。', 'Confidence too low: the triage desk would decide.'],
  'rules': ['规则', 'Rules'],
  'rules.version': ['规则集版本 v{0}', 'Rule set v{0}'],
  'col.id': ['编号', 'Id'],
  'col.category': ['类别', 'Category'],
  'col.where': ['区域/驿站', 'District/station'],
  'col.department': ['部门', 'Department'],
  'col.office': ['承办单位', 'Office'],
  'col.enabled': ['状态', 'State'],
  'col.actions': ['操作', 'Actions'],
  'enabled': ['启用', 'enabled'],
  'disabled': ['停用', 'disabled'],
  'edit': ['修改', 'Edit'],
  'enable': ['启用', 'Enable'],
  'disable': ['停用', 'Disable'],
  'save': ['保存', 'Save'],
  'rule.edit': ['修改规则 {0}', 'Edit rule {0}'],
  'rule.note': ['备注', 'Note'],
  'audit': ['修改记录', 'Audit history'],
  'col.at': ['时间', 'When'],
  'col.actor': ['操作人', 'By'],
  'col.action': ['操作', 'Action'],
  'col.change': ['变更', 'Change'],
  'sla': ['办理时限策略', 'SLA policies'],
  'col.scope': ['适用范围', 'Applies to'],
  'col.sign': ['签收时限', 'Sign within'],
  'col.resolve': ['办结时限', 'Resolve within'],
  'col.clock': ['计时', 'Clock'],
  'col.note': ['说明', 'Note'],
  'sla.edit': ['修改时限 {0}', 'Edit policy {0}'],
  'sla.hours': ['（工作小时；如 PT7H 为1个工作日）', '(ISO-8601, working hours: PT7H is one working day)'],
  'calendar': ['工作日历', 'Working calendar'],
  'calendar.holidays': ['节假日（每行一个日期）', 'Holidays (one date a line)'],
  'calendar.workdays': ['调休上班日（每行一个日期）', 'Make-up working days (one date a line)'],
  'calendar.hours': ['办公时间：{0}', 'Office hours: {0}'],
  'accounts': ['账号', 'Accounts'],
  'col.username': ['用户名', 'Username'],
  'col.name': ['姓名', 'Name'],
  'col.roles': ['角色', 'Roles'],
  'col.lastSignIn': ['最近登录', 'Last sign-in'],
  'account.new': ['新建账号', 'New account'],
  'account.edit': ['修改账号 {0}', 'Edit account {0}'],
  'account.roles': ['角色（可多选）', 'Roles (one or more)'],
  'account.department': ['所属部门', 'Department'],
  'account.supervises': ['督办范围（部门，空为全部）', 'Supervises (department; empty for all)'],
  'col.email': ['电子邮箱', 'Email'],
  'account.email': ['电子邮箱（接收派单和督办提醒）', 'Email (for assignments and alerts)'],
  'account.issued': ['已创建 {0}。初始密码：{1}（只显示一次，请当面交给本人）', 'Created {0}. First password: {1} (shown once; hand it over in person)'],
});

const ROLES = ['STAFF', 'TRIAGE', 'SUPERVISOR', 'ADMIN', 'OPERATOR'];

const TABS = ['rules', 'sla', 'calendar', 'accounts', 'open311', 'deadLetters'];

const TOPICS = ['appeal.submitted', 'appeal.routed', 'case.events', 'appeal.feedback', 'supervisor.alerts', 'identity.accounts'];

function show(tab) {
  announce('');
  tabBar(TABS, tab, show);
  history.replaceState(null, '', '#' + tab);
  ({ rules, sla, calendar, accounts, open311, deadLetters }[tab] || rules)().catch((e) => announce(e.message, true));
}

async function rules() {
  const previewForm = el('form', { novalidate: true, id: 'preview-form' },
    el('h2', {}, tr('preview')), el('p', { class: 'hint' }, tr('preview.hint')),
    el('label', { for: 'preview-text' }, tr('preview.text')),
    el('textarea', { id: 'preview-text', name: 'text', required: true, maxlength: '2000' }),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'preview-district' }, tr('preview.district')),
        el('input', { id: 'preview-district', name: 'district', maxlength: '64' })),
      el('div', {}, el('label', { for: 'preview-station' }, tr('preview.station')),
        el('input', { id: 'preview-station', name: 'stationId', maxlength: '64' }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('preview.go'))),
    el('div', { id: 'preview-result', 'aria-live': 'polite' }));
  const runPreview = () => {
    const data = new FormData(previewForm);
    if (!String(data.get('text')).trim()) {
      return Promise.resolve();
    }
    return act(previewForm, () => api('/api/v1/routing/preview', { method: 'POST', body: {
      text: data.get('text'), district: data.get('district') || null, stationId: data.get('stationId') || null,
    } }), (decision) => clear($('#preview-result'), el('div', { class: 'notice', 'data-department': decision.department,
      'data-office': decision.office },
    el('p', {}, decision.triage ? tr('preview.triage') : tr('preview.result', name('departments', decision.department),
      decision.office || '—', name('categories', decision.category), Math.round(decision.confidence * 100))),
    el('p', {}, en() ? decision.explanation.en : decision.explanation.zh))));
  };
  previewForm.addEventListener('submit', (e) => { e.preventDefault(); runPreview(); });
  const list = await api('/api/v1/admin/routing-rules');
  const audit = await api('/api/v1/admin/routing-rules/audit?limit=20');
  const editBox = el('div', { id: 'rule-edit' });
  const ruleActions = (rule) => el('span', { class: 'actions' },
    el('button', { type: 'button', 'data-edit': rule.id, onclick: () => editRule(editBox, rule, runPreview) }, tr('edit')),
    el('button', { type: 'button', 'data-toggle': rule.id, onclick: () => act(null, () => api('/api/v1/admin/routing-rules/'
      + encodeURIComponent(rule.id) + '/' + (rule.enabled ? 'disable' : 'enable'), { method: 'POST',
      body: { revision: rule.revision } }), () => rules()) }, tr(rule.enabled ? 'disable' : 'enable')));
  clear($('#view'),
    el('section', { class: 'panel' }, previewForm),
    el('section', { class: 'panel' }, el('h2', {}, tr('rules')), el('p', { class: 'muted' },
      tr('rules.version', list.rulesetVersion)), editBox,
    table(tr('rules'), [
      { label: tr('col.id'), value: (r) => r.id },
      { label: tr('col.category'), value: (r) => name('categories', r.category) },
      { label: tr('col.where'), value: (r) => [r.district, r.stationId].filter(Boolean).join(' / ') || '—' },
      { label: tr('col.department'), value: (r) => name('departments', r.department) },
      { label: tr('col.office'), value: (r) => r.office || '' },
      { label: tr('col.enabled'), value: (r) => tr(r.enabled ? 'enabled' : 'disabled') },
      { label: tr('col.actions'), value: () => '', cell: ruleActions },
    ], list.rules, { fileName: 'routing-rules-v' + list.rulesetVersion + '.csv' })),
    el('section', { class: 'panel' }, el('h2', {}, tr('audit')), table(tr('audit'), [
      { label: tr('col.at'), value: (a) => when(a.at) },
      { label: tr('col.actor'), value: (a) => a.actor },
      { label: tr('col.action'), value: (a) => a.action },
      { label: tr('col.id'), value: (a) => a.ruleId },
      { label: tr('col.change'), value: (a) => change(a.before, a.after) },
    ], audit, { fileName: 'routing-rules-audit.csv' })));
}

function change(before, after) {
  if (!before) {
    return JSON.stringify(after);
  }
  return Object.keys(after || {}).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => k + ': ' + (before[k] ?? '—') + ' → ' + (after[k] ?? '—')).join('; ');
}

function editRule(box, rule, runPreview) {
  const form = el('form', { novalidate: true, id: 'rule-form', 'data-rule': rule.id },
    el('h3', {}, tr('rule.edit', rule.id)),
    el('label', { for: 'rule-department' }, tr('col.department')),
    el('select', { id: 'rule-department', name: 'department', required: true }, options('departments', rule.department)),
    el('label', { for: 'rule-office' }, tr('col.office')),
    el('input', { id: 'rule-office', name: 'office', maxlength: '128', value: rule.office || '' }),
    el('label', { for: 'rule-note' }, tr('rule.note')),
    el('input', { id: 'rule-note', name: 'note', maxlength: '500', value: rule.note || '' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/routing-rules/' + encodeURIComponent(rule.id), { method: 'PUT', body: {
      department: form.elements.department.value, office: form.elements.office.value || null,
      note: form.elements.note.value || null, revision: rule.revision,
    } }), async () => {
      const text = $('#preview-text').value;
      const district = $('#preview-district').value;
      const station = $('#preview-station').value;
      await rules();
      $('#preview-text').value = text;
      $('#preview-district').value = district;
      $('#preview-station').value = station;
      announce(tr('saved'));
      await runPreview();
    });
  });
  clear(box, form);
  form.elements.department.focus();
}

async function sla() {
  await loadTaxonomy();
  const policies = await api('/api/v1/admin/sla-policies');
  const box = el('div', { id: 'sla-edit' });
  const scope = (p) => [p.department && name('departments', p.department), p.appealType && name('appealTypes', p.appealType),
    p.priority && name('priorities', p.priority)].filter(Boolean).join(' · ') || '—';
  clear($('#view'), el('section', { class: 'panel' }, el('h2', {}, tr('sla')), box, table(tr('sla'), [
    { label: tr('col.id'), value: (p) => p.id },
    { label: tr('col.scope'), value: scope },
    { label: tr('col.sign'), value: (p) => p.signWithin },
    { label: tr('col.resolve'), value: (p) => p.resolveWithin },
    { label: tr('col.clock'), value: (p) => p.clock },
    { label: tr('col.note'), value: (p) => p.note || '' },
    { label: tr('col.actions'), value: () => '', cell: (p) => el('button', { type: 'button', 'data-edit': p.id,
      onclick: () => editPolicy(box, p) }, tr('edit')) },
  ], policies, { fileName: 'sla-policies.csv' })));
}

function editPolicy(box, policy) {
  const form = el('form', { novalidate: true, id: 'sla-form' },
    el('h3', {}, tr('sla.edit', policy.id)),
    el('label', { for: 'sla-sign' }, tr('col.sign')), el('p', { class: 'hint' }, tr('sla.hours')),
    el('input', { id: 'sla-sign', name: 'signWithin', required: true, value: policy.signWithin }),
    el('label', { for: 'sla-resolve' }, tr('col.resolve')),
    el('input', { id: 'sla-resolve', name: 'resolveWithin', required: true, value: policy.resolveWithin }),
    el('label', { for: 'sla-note' }, tr('col.note')),
    el('input', { id: 'sla-note', name: 'note', maxlength: '500', value: policy.note || '' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/sla-policies/' + encodeURIComponent(policy.id), { method: 'PUT', body: {
      ...policy, signWithin: form.elements.signWithin.value.trim(), resolveWithin: form.elements.resolveWithin.value.trim(),
      note: form.elements.note.value || null,
    } }), async () => { await sla(); announce(tr('saved')); });
  });
  clear(box, form);
}

async function calendar() {
  const cal = await api('/api/v1/admin/calendar');
  const form = el('form', { novalidate: true, id: 'calendar-form' },
    el('h2', {}, tr('calendar')),
    el('p', {}, tr('calendar.hours', cal.periods.map((p) => p.start + '–' + p.end).join(', ')) + ' · ' + cal.zone),
    el('label', { for: 'holidays' }, tr('calendar.holidays')),
    el('textarea', { id: 'holidays', name: 'holidays', rows: '10' }),
    el('label', { for: 'workdays' }, tr('calendar.workdays')),
    el('textarea', { id: 'workdays', name: 'workdays', rows: '5' }),
    el('label', { for: 'cal-note' }, tr('col.note')),
    el('input', { id: 'cal-note', name: 'note', value: cal.note || '' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('save'))));
  form.elements.holidays.value = cal.holidays.join('\n');
  form.elements.workdays.value = cal.workdays.join('\n');
  const lines = (text) => text.split(/\s+/).map((l) => l.trim()).filter(Boolean);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/calendar', { method: 'PUT', body: {
      ...cal, holidays: lines(form.elements.holidays.value), workdays: lines(form.elements.workdays.value),
      note: form.elements.note.value || null,
    } }), async () => { await calendar(); announce(tr('saved')); });
  });
  clear($('#view'), el('section', { class: 'panel' }, form));
}

async function accounts() {
  await loadTaxonomy();
  const list = await api('/api/v1/admin/accounts');
  const form = el('form', { novalidate: true, id: 'account-form' },
    el('h3', {}, tr('account.new')),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'acc-username' }, tr('col.username')),
        el('input', { id: 'acc-username', name: 'username', required: true, autocomplete: 'off' }))),
    accountFields('acc', {}),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/accounts', { method: 'POST', body: {
      username: form.elements.username.value.trim(), ...accountBody(form),
    } }), async (issued) => {
      await accounts();
      announce(tr('account.issued', issued.account.username, issued.password));
    });
  });
  const editBox = el('div', { id: 'account-edit' });
  const toggle = (a) => el('span', { class: 'actions' },
    el('button', { type: 'button', 'data-edit': a.username, onclick: () => editAccount(editBox, a) }, tr('edit')),
    el('button', { type: 'button', 'data-toggle': a.username, onclick: () => act(null,
      () => api('/api/v1/admin/accounts/' + encodeURIComponent(a.username) + '/' + (a.enabled ? 'disable' : 'enable'),
        { method: 'POST' }), () => accounts()) }, tr(a.enabled ? 'disable' : 'enable')));
  clear($('#view'), el('section', { class: 'panel' }, el('h2', {}, tr('accounts')), form, editBox, table(tr('accounts'), [
    { label: tr('col.username'), value: (a) => a.username },
    { label: tr('col.name'), value: (a) => a.name },
    { label: tr('col.email'), value: (a) => a.email || '' },
    { label: tr('col.roles'), value: (a) => a.roles.join(', ') },
    { label: tr('col.department'), value: (a) => name('departments', a.department || a.supervises) },
    { label: tr('col.enabled'), value: (a) => tr(a.enabled ? 'enabled' : 'disabled') + (a.locked ? ' 🔒' : '') },
    { label: tr('col.lastSignIn'), value: (a) => when(a.lastSignInAt) },
    { label: tr('col.actions'), value: () => '', cell: toggle },
  ], list, { fileName: 'accounts.csv' })));
}

async function open311() {
  const list = await api('/api/v1/admin/open311-clients');
  const form = el('form', { novalidate: true, id: 'open311-form' },
    el('p', { class: 'hint' }, tr('open311.hint')),
    el('label', { for: 'o311-name' }, tr('open311.name')),
    el('input', { id: 'o311-name', name: 'name', required: true, maxlength: '100', autocomplete: 'off' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('open311.issue'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/open311-clients', { method: 'POST', body: { name: form.elements.name.value } }),
      async (issued) => {
        await open311();
        announce(tr('open311.issued', issued.client.name, issued.apiKey));
      });
  });
  const revoke = (c) => c.active ? el('button', { type: 'button', 'data-revoke': c.clientId, onclick: () => act(null,
    () => api('/api/v1/admin/open311-clients/' + encodeURIComponent(c.clientId), { method: 'DELETE' }),
    () => open311()) }, tr('open311.revoke')) : '';
  clear($('#view'), el('section', { class: 'panel' }, el('h2', {}, tr('open311')), form, table(tr('open311'), [
    { label: tr('col.clientId'), value: (c) => c.clientId },
    { label: tr('open311.name'), value: (c) => c.name },
    { label: tr('col.issuedBy'), value: (c) => c.issuedBy || '' },
    { label: tr('col.issuedAt'), value: (c) => when(c.issuedAt) },
    { label: tr('col.enabled'), value: (c) => tr(c.active ? 'enabled' : 'disabled') },
    { label: tr('col.actions'), value: () => '', cell: revoke },
  ], list, { fileName: 'open311-clients.csv' })));
  form.elements.name.focus();
}

async function deadLetters(topic = '') {
  const list = await api('/api/v1/admin/dead-letters?limit=200' + (topic ? '&topic=' + encodeURIComponent(topic) : ''));
  const pick = el('select', { id: 'dl-topic', onchange: (e) => deadLetters(e.target.value).catch((x) => announce(x.message, true)) },
    el('option', { value: '' }, tr('deadLetters.all')),
    TOPICS.map((t) => el('option', { value: t, selected: t === topic }, t)));
  const replay = (d) => d.replayedAt ? tr('deadLetters.replayed', when(d.replayedAt), d.replayedBy || '')
    : el('button', { type: 'button', 'data-replay': d.id, onclick: () => act(null,
      () => api('/api/v1/admin/dead-letters/' + encodeURIComponent(d.topic) + '/' + d.partition + '/' + d.offset + '/replay',
        { method: 'POST' }), () => deadLetters(topic)) }, tr('deadLetters.replay'));
  clear($('#view'), el('section', { class: 'panel' }, el('h2', {}, tr('deadLetters')),
    el('p', { class: 'hint' }, tr('deadLetters.hint')),
    el('label', { for: 'dl-topic' }, tr('deadLetters.topic')), pick,
    list.length ? table(tr('deadLetters'), [
      { label: tr('deadLetters.failedAt'), value: (d) => when(d.failedAt) },
      { label: tr('deadLetters.topic'), value: (d) => d.originalTopic || d.topic },
      { label: tr('deadLetters.consumer'), value: (d) => d.consumerGroup || '' },
      { label: tr('deadLetters.reason'), value: (d) => d.reason || '' },
      { label: tr('deadLetters.value'), value: (d) => (d.value || '').slice(0, 160) },
      { label: tr('col.actions'), value: () => '', cell: replay },
    ], list, { fileName: 'dead-letters.csv' }) : el('p', {}, tr('deadLetters.none'))));
}

/** The account's fields a form has: name, email, roles, department, supervision scope. */
function accountFields(prefix, account) {
  return [
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: prefix + '-name' }, tr('col.name')),
        el('input', { id: prefix + '-name', name: 'name', required: true, maxlength: '32', value: account.name || '' })),
      el('div', {}, el('label', { for: prefix + '-email' }, tr('account.email')),
        el('input', { id: prefix + '-email', name: 'email', type: 'email', maxlength: '254', autocomplete: 'off',
          value: account.email || '' }))),
    el('fieldset', {}, el('legend', {}, tr('account.roles')), el('div', { class: 'row' }, ROLES.map((role) =>
      el('label', {}, el('input', { type: 'checkbox', name: 'roles', value: role,
        checked: (account.roles || []).includes(role) }), ' ' + role)))),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: prefix + '-department' }, tr('account.department')),
        el('select', { id: prefix + '-department', name: 'department' }, options('departments', account.department || '', '—'))),
      el('div', {}, el('label', { for: prefix + '-supervises' }, tr('account.supervises')),
        el('select', { id: prefix + '-supervises', name: 'supervises' },
          options('departments', account.supervises || '', '—')))),
  ];
}

function accountBody(form) {
  const data = new FormData(form);
  return { name: String(data.get('name')).trim(), roles: data.getAll('roles'), department: data.get('department') || null,
    supervises: data.get('supervises') || null, email: String(data.get('email') || '').trim() || null };
}

function editAccount(box, account) {
  const form = el('form', { novalidate: true, id: 'account-edit-form', 'data-account': account.username },
    el('h3', {}, tr('account.edit', account.username)), accountFields('edit', account),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form, () => api('/api/v1/admin/accounts/' + encodeURIComponent(account.username), { method: 'PUT',
      body: accountBody(form) }), async () => { await accounts(); announce(tr('saved')); });
  });
  clear(box, form);
  form.elements.name.focus();
}

async function main() {
  const me = await startStaffScreen('admin', 'title', ['ADMIN']);
  if (!me) {
    return;
  }
  await loadTaxonomy();
  const start = location.hash.substring(1);
  show(TABS.includes(start) ? start : 'rules');
}

main().catch((error) => announce(tr('error.generic') + error.message, true));
