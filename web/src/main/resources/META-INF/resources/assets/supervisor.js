// The supervisor dashboard: the rates (响应率, 解决率, 满意率, on-time), on-time signing,
// return and reopening rates over a chosen period by department, category or district,
// their daily trend, backlog by age, the worklist with approve/reject and acknowledge,
// hot topics, and a CSV export of every table.
import {
  $, act, announce, api, clear, day, el, loadTaxonomy, name, percent, startStaffScreen, table, texts, tr,
  when,
} from './common.js';

texts({
  'title': ['督办看板', 'Supervisor dashboard'],
  'period': ['统计区间', 'Period'],
  'from': ['开始日期', 'From'],
  'to': ['结束日期', 'To'],
  'groupBy': ['分组', 'Group by'],
  'group.department': ['部门', 'Department'],
  'group.category': ['类别', 'Category'],
  'group.district': ['区域', 'District'],
  'show': ['查看', 'Show'],
  'kpi.responseRate': ['响应率', 'Response rate'],
  'kpi.resolutionRate': ['解决率', 'Resolution rate'],
  'kpi.satisfactionRate': ['满意率', 'Satisfaction rate'],
  'kpi.onTimeRate': ['按时办结率', 'On-time rate'],
  'kpi.signedInTime': ['按时签收率', 'Signed in time'],
  'kpi.returnRate': ['退回率', 'Return rate'],
  'kpi.reopenRate': ['重办率', 'Reopening rate'],
  'kpi.opened': ['受理', 'Opened'],
  'kpi.backlog': ['在办', 'Backlog'],
  'kpi.overdue': ['超时', 'Overdue'],
  'trend': ['每日趋势', 'Daily trend'],
  'byGroup': ['分组统计', 'By group'],
  'backlog': ['在办案件账龄', 'Backlog by age'],
  'worklist': ['督办事项', 'Worklist'],
  'hot': ['热点问题', 'Hot topics'],
  'col.group': ['分组', 'Group'],
  'col.day': ['日期', 'Day'],
  'col.kind': ['事项', 'Item'],
  'col.case': ['查询码', 'Code'],
  'col.department': ['部门', 'Department'],
  'col.due': ['时限', 'Due'],
  'col.reason': ['说明', 'Details'],
  'col.since': ['时间', 'Since'],
  'col.actions': ['操作', 'Actions'],
  'col.age': ['账龄', 'Age'],
  'col.count': ['件数', 'Cases'],
  'col.topic': ['问题', 'Topic'],
  'col.appeals': ['诉求数', 'Appeals'],
  'col.workers': ['涉及人数', 'Workers'],
  'col.samples': ['示例', 'Examples'],
  'ack': ['确认已知悉', 'Acknowledge'],
  'approve': ['批准延期', 'Approve'],
  'reject': ['不予延期', 'Reject'],
  'kind.URGENT': ['紧急诉求', 'Urgent'],
  'kind.ESCALATED': ['已升级督办', 'Escalated'],
  'kind.EXTENSION_PENDING': ['延期待审批', 'Extension pending'],
  'kind.RETURNED': ['退回待审', 'Returned'],
  'kind.AT_RISK': ['即将超时', 'At risk'],
  'kind.BREACHED': ['已超时', 'Breached'],
  'age.UNDER_1_DAY': ['1天内', 'Under 1 day'],
  'age.1_TO_3_DAYS': ['1–3天', '1–3 days'],
  'age.3_TO_7_DAYS': ['3–7天', '3–7 days'],
  'age.OVER_7_DAYS': ['7天以上', 'Over 7 days'],
  'badPeriod': ['结束日期须不早于开始日期，且区间不超过92天。', 'The end must not be before the start, and a period is at most 92 days.'],
});

const AGES = ['UNDER_1_DAY', '1_TO_3_DAYS', '3_TO_7_DAYS', 'OVER_7_DAYS'];

const RATES = [
  ['kpi.responseRate', (r) => r.responseRate],
  ['kpi.resolutionRate', (r) => r.resolutionRate],
  ['kpi.satisfactionRate', (r) => r.satisfactionRate],
  ['kpi.onTimeRate', (r) => r.onTimeRate],
  ['kpi.signedInTime', (r) => (r.dueToSign ? r.signedInTime / r.dueToSign : null)],
  ['kpi.returnRate', (r) => (r.opened ? r.returns / r.opened : null)],
  ['kpi.reopenRate', (r) => (r.closed ? r.reopenings / r.closed : null)],
];

let charts = [];

function groupName(groupBy, code) {
  if (groupBy === 'department') {
    return name('departments', code);
  }
  if (groupBy === 'category') {
    return name('categories', code);
  }
  return code || '—';
}

async function show(from, to, groupBy) {
  const report = await api('/api/v1/kpis?' + new URLSearchParams({ from, to, groupBy }));
  const total = report.total;
  clear($('#kpis'), RATES.map(([key, value]) => el('div', { class: 'kpi', 'data-kpi': key.substring(4) },
    el('div', { class: 'value' }, percent(value(total))), el('div', { class: 'label' }, tr(key)))),
  [['kpi.opened', total.opened], ['kpi.backlog', total.backlog], ['kpi.overdue', total.overdue]].map(([key, n]) =>
    el('div', { class: 'kpi', 'data-kpi': key.substring(4) }, el('div', { class: 'value' }, String(n)),
      el('div', { class: 'label' }, tr(key)))));
  const columns = [{ label: tr('col.group'), value: (r) => groupName(groupBy, r.group) },
    { label: tr('kpi.opened'), value: (r) => r.opened },
    ...RATES.map(([key, value]) => ({ label: tr(key), value: (r) => percent(value(r)) })),
    { label: tr('kpi.backlog'), value: (r) => r.backlog }, { label: tr('kpi.overdue'), value: (r) => r.overdue }];
  clear($('#groups'), el('h2', {}, tr('byGroup')), table(tr('byGroup'), columns, report.rows,
    { fileName: 'kpis-' + groupBy + '-' + from + '-' + to + '.csv' }));
  const ages = AGES.map((age) => [tr('age.' + age), (total.backlogByAge || {})[age] || 0]);
  clear($('#backlog'), el('h2', {}, tr('backlog')),
    el('div', { class: 'chart', id: 'backlog-chart', role: 'img', 'aria-label': tr('backlog') }),
    table(tr('backlog'), [{ label: tr('col.age'), value: (r) => r[0] }, { label: tr('col.count'), value: (r) => r[1] }],
      ages, { fileName: 'backlog-' + to + '.csv' }));
  await trend(from, to);
  drawBacklog(ages);
}

/** One KPI query per day of the period (at most 31 points), drawn with ECharts. */
async function trend(from, to) {
  const days = [];
  for (let d = new Date(from + 'T00:00:00Z'); d <= new Date(to + 'T00:00:00Z') && days.length < 31;
    d = new Date(d.getTime() + 86400000)) {
    days.push(d.toISOString().substring(0, 10));
  }
  const reports = await Promise.all(days.map((d) => api('/api/v1/kpis?' + new URLSearchParams({ from: d, to: d }))));
  const series = RATES.slice(0, 4).map(([key, value]) => ({
    name: tr(key), type: 'line', connectNulls: true,
    data: reports.map((r) => { const v = value(r.total); return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }),
  }));
  const rows = days.map((d, i) => ({ day: d, total: reports[i].total }));
  clear($('#trend'), el('h2', {}, tr('trend')),
    el('div', { class: 'chart', id: 'trend-chart', role: 'img', 'aria-label': tr('trend') }),
    table(tr('trend'), [{ label: tr('col.day'), value: (r) => r.day }, { label: tr('kpi.opened'), value: (r) => r.total.opened },
      ...RATES.map(([key, value]) => ({ label: tr(key), value: (r) => percent(value(r.total)) }))], rows,
    { fileName: 'trend-' + from + '-' + to + '.csv' }));
  if (window.echarts) {
    const chart = window.echarts.init($('#trend-chart'), null, { renderer: 'svg' });
    chart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.substring(5)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }, series,
    });
    charts.push(chart);
  }
}

function drawBacklog(ages) {
  if (window.echarts) {
    const chart = window.echarts.init($('#backlog-chart'), null, { renderer: 'svg' });
    chart.setOption({
      animation: false, tooltip: {}, grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: ages.map((a) => a[0]) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: tr('col.count'), data: ages.map((a) => a[1]), itemStyle: { color: '#0b5cad' } }],
    });
    charts.push(chart);
  }
}

async function worklist() {
  const list = await api('/api/v1/supervision/worklist?limit=100');
  const actionsOf = (item) => {
    const buttons = [];
    if (item.kind === 'URGENT' && item.alertId) {
      buttons.push(el('button', { type: 'button', 'data-ack': item.alertId, onclick: () => act(null,
        () => api('/api/v1/supervision/alerts/' + encodeURIComponent(item.alertId) + '/ack', { method: 'POST' }),
        () => worklist()) }, tr('ack')));
    }
    if (item.kind === 'EXTENSION_PENDING') {
      ['approve', 'reject'].forEach((what) => buttons.push(el('button', { type: 'button', 'data-extension': what,
        onclick: () => act(null, () => api('/api/v1/cases/' + encodeURIComponent(item.caseId) + '/extension/' + what,
          { method: 'POST', body: {} }), () => worklist()) }, tr(what))));
    }
    return el('span', { class: 'actions' }, buttons);
  };
  clear($('#worklist'), el('h2', {}, tr('worklist')),
    el('p', { class: 'counts' }, Object.entries(list.counts || {}).map(([kind, n]) =>
      el('span', { class: 'chip ' + (kind === 'URGENT' || kind === 'BREACHED' ? 'breached' : 'at-risk') },
        tr('kind.' + kind) + ' ' + n))),
    table(tr('worklist'), [
      { label: tr('col.kind'), value: (i) => tr('kind.' + i.kind) },
      { label: tr('col.case'), value: (i) => i.trackingCode || '' },
      { label: tr('col.department'), value: (i) => name('departments', i.department) },
      { label: tr('col.due'), value: (i) => when(i.dueAt) },
      { label: tr('col.reason'), value: (i) => i.reason || '' },
      { label: tr('col.since'), value: (i) => when(i.since) },
      { label: tr('col.actions'), value: () => '', cell: actionsOf },
    ], list.items, { fileName: 'worklist-' + day() + '.csv' }));
}

async function hotTopics() {
  const topics = await api('/api/v1/routing/hot-topics?limit=20');
  clear($('#hot'), el('h2', {}, tr('hot')), table(tr('hot'), [
    { label: tr('col.topic'), value: (t) => (t.topWords || []).join('、') },
    { label: tr('group.category'), value: (t) => name('categories', t.category) },
    { label: tr('group.district'), value: (t) => (t.districts || []).map((d) => d.district + ' ' + d.count).join('、') },
    { label: tr('col.appeals'), value: (t) => t.appeals },
    { label: tr('col.workers'), value: (t) => t.workers },
    { label: tr('col.samples'), value: (t) => (t.samples || []).slice(-2)
      .map((sample) => sample.trackingCode + (sample.text ? '：' + sample.text : '')).join(' / ') },
  ], topics, { fileName: 'hot-topics-' + day() + '.csv' }));
}

async function main() {
  const me = await startStaffScreen('supervisor', 'title', ['SUPERVISOR']);
  if (!me) {
    return;
  }
  await loadTaxonomy();
  const form = el('form', { class: 'row', id: 'period' },
    el('div', {}, el('label', { for: 'from' }, tr('from')), el('input', { id: 'from', name: 'from', type: 'date',
      value: day(-6) })),
    el('div', {}, el('label', { for: 'to' }, tr('to')), el('input', { id: 'to', name: 'to', type: 'date', value: day() })),
    el('div', {}, el('label', { for: 'groupBy' }, tr('groupBy')), el('select', { id: 'groupBy', name: 'groupBy' },
      ['department', 'category', 'district'].map((g) => el('option', { value: g }, tr('group.' + g))))),
    el('div', {}, el('button', { type: 'submit', class: 'primary' }, tr('show'))));
  const load = () => {
    const from = form.elements.from.value;
    const to = form.elements.to.value;
    const span = (Date.parse(to) - Date.parse(from)) / 86400000;
    if (!from || !to || span < 0 || span > 92) {
      announce(tr('badPeriod'), true);
      return Promise.resolve();
    }
    charts.forEach((c) => c.dispose());
    charts = [];
    return act(form, () => show(from, to, form.elements.groupBy.value));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  clear($('#view'),
    el('section', { class: 'panel' }, el('h2', {}, tr('period')), form),
    el('section', { class: 'kpis', id: 'kpis', 'aria-live': 'polite' }),
    el('section', { class: 'panel', id: 'worklist' }),
    el('section', { class: 'panel', id: 'trend' }),
    el('section', { class: 'panel', id: 'groups' }),
    el('section', { class: 'panel', id: 'backlog' }),
    el('section', { class: 'panel', id: 'hot' }));
  await Promise.all([load(), worklist(), hotTopics().catch((e) => announce(e.message, true))]);
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

}

main().catch((error) => announce(tr('error.generic') + error.message, true));
