// The operators' screen: a hotline operator, grid worker or kiosk attendant files an appeal
// for a worker, uploads a spreadsheet of appeals (micro-wish box slips, paper forms, grid
// visits) and follows its row-by-row report, and sees what they filed.
import {
  $, act, announce, api, clear, el, startStaffScreen, tabBar, table, texts, tr, when,
} from './common.js';

texts({
  'title': ['热线与网格受理', 'Hotline and grid intake'],
  'tab.file': ['代为登记', 'File for a worker'],
  'tab.import': ['批量导入', 'Import a spreadsheet'],
  'tab.mine': ['我登记的', 'Filed by me'],
  'file.title': ['代劳动者登记诉求', 'File an appeal for a worker'],
  'file.hint': ['按来电人或走访对象所述如实摘要。登记后劳动者会收到含查询码的短信。',
    'Summarise what the worker said. Once filed, the worker is texted the tracking code.'],
  'file.channel': ['受理方式', 'How the worker reached you'],
  'channel.HOTLINE': ['热线来电', 'Hotline call'],
  'channel.GRID_WORKER': ['网格员走访', 'Grid visit'],
  'channel.KIOSK': ['驿站自助终端', 'Rest-station kiosk'],
  'channel.WISH_BOX': ['微心愿箱', 'Micro-wish box'],
  'channel.CSV_IMPORT': ['纸质表格', 'Paper forms'],
  'file.phone': ['劳动者手机号', "Worker's phone"],
  'file.summary': ['诉求摘要', 'Summary of the appeal'],
  'file.district': ['所在区（可不填）', 'District (optional)'],
  'file.station': ['驿站或网格编号（可不填）', 'Station or grid id (optional)'],
  'file.submit': ['登记', 'File'],
  'file.done': ['已登记，查询码 {0}。劳动者将收到短信。', 'Filed with tracking code {0}. The worker will get a text message.'],
  'import.title': ['导入诉求表格', 'Import a spreadsheet of appeals'],
  'import.hint': ['CSV 或 XLSX，第一行为列名：手机号、诉求内容（必填），所在区、驿站编号、日期（可选）。最多 2000 行、5 MB。同一行重复导入不会重复登记。',
    'CSV or XLSX, the first row naming the columns: phone and text (required), district, stationId, date (optional). At most 2,000 rows and 5 MB. A row imported again is not filed twice.'],
  'import.channel': ['来源', 'Source'],
  'import.file': ['文件', 'File'],
  'import.submit': ['上传并导入', 'Upload and import'],
  'import.choose': ['请先选择要导入的文件。', 'Choose the file to import first.'],
  'import.progress': ['导入中：{0} 行待处理', 'Importing: {0} rows to go'],
  'import.summary': ['共 {0} 行：新登记 {1}，此前已导入 {2}，文件内重复 {3}，未通过 {4}。',
    '{0} rows: {1} filed, {2} imported before, {3} repeated in the file, {4} refused.'],
  'import.ignored': ['未读取的列：{0}', 'Columns not read: {0}'],
  'import.rows': ['逐行结果', 'Row by row'],
  'col.row': ['行号', 'Row'],
  'col.outcome': ['结果', 'Outcome'],
  'col.code': ['查询码', 'Tracking code'],
  'col.phone': ['手机号', 'Phone'],
  'col.reason': ['原因', 'Reason'],
  'outcome.PENDING': ['待处理', 'Waiting'],
  'outcome.ACCEPTED': ['已登记', 'Filed'],
  'outcome.ALREADY_IMPORTED': ['此前已导入', 'Imported before'],
  'outcome.DUPLICATE_IN_FILE': ['文件内重复', 'Repeated in the file'],
  'outcome.REJECTED': ['未通过', 'Refused'],
  'mine.appeals': ['我登记的诉求', 'Appeals I filed'],
  'mine.imports': ['我的导入', 'My imports'],
  'col.at': ['时间', 'When'],
  'col.channel': ['方式', 'Channel'],
  'col.status': ['状态', 'Status'],
  'col.file': ['文件', 'File'],
  'col.counts': ['新登记/已导入/未通过', 'Filed / before / refused'],
});

const TABS = ['file', 'import', 'mine'];

function show(tab) {
  announce('');
  tabBar(TABS, tab, show);
  history.replaceState(null, '', '#' + tab);
  ({ file, import: upload, mine }[tab] || file)().catch((e) => announce(e.message, true));
}

function choice(id, name, values) {
  return el('select', { id, name }, values.map((value) => el('option', { value }, tr('channel.' + value))));
}

async function file() {
  const form = el('form', { novalidate: true, id: 'file-form' },
    el('h2', {}, tr('file.title')), el('p', { class: 'hint' }, tr('file.hint')),
    el('label', { for: 'file-channel' }, tr('file.channel')),
    choice('file-channel', 'channel', ['HOTLINE', 'GRID_WORKER', 'KIOSK']),
    el('label', { for: 'file-phone' }, tr('file.phone')),
    el('input', { id: 'file-phone', name: 'phone', type: 'tel', required: true, autocomplete: 'off', maxlength: '20' }),
    el('label', { for: 'file-summary' }, tr('file.summary')),
    el('textarea', { id: 'file-summary', name: 'summary', required: true, maxlength: '2000' }),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'file-district' }, tr('file.district')),
        el('input', { id: 'file-district', name: 'district', maxlength: '64' })),
      el('div', {}, el('label', { for: 'file-station' }, tr('file.station')),
        el('input', { id: 'file-station', name: 'stationId', maxlength: '64' }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('file.submit'))));
  // One key per filled-in form: a second click or a retry after a dropped answer files once.
  let key = crypto.randomUUID();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    act(form, () => api('/api/v1/channels/operator/appeals', { method: 'POST', body: {
      channel: data.get('channel'), phone: data.get('phone'), summary: data.get('summary'),
      district: data.get('district') || null, stationId: data.get('stationId') || null, idempotencyKey: key,
    } }), (filed) => {
      announce(tr('file.done', filed.trackingCode));
      form.reset();
      key = crypto.randomUUID();
    });
  });
  clear($('#view'), el('section', { class: 'panel' }, form));
  form.elements.phone.focus();
}

function contentType(chosen) {
  if (/\.xlsx$/i.test(chosen.name)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return /\.csv$/i.test(chosen.name) ? 'text/csv' : 'application/octet-stream';
}

async function upload() {
  const form = el('form', { novalidate: true, id: 'import-form' },
    el('h2', {}, tr('import.title')), el('p', { class: 'hint' }, tr('import.hint')),
    el('label', { for: 'import-channel' }, tr('import.channel')),
    choice('import-channel', 'channel', ['WISH_BOX', 'CSV_IMPORT', 'GRID_WORKER']),
    el('label', { for: 'import-file' }, tr('import.file')),
    el('input', { id: 'import-file', name: 'file', type: 'file', required: true, accept: '.csv,.xlsx,text/csv' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('import.submit'))));
  const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = form.elements.file.files[0];
    if (!chosen) {
      announce(tr('import.choose'), true);
      return;
    }
    const path = '/api/v1/channels/imports?channel=' + encodeURIComponent(form.elements.channel.value)
      + '&fileName=' + encodeURIComponent(chosen.name);
    act(form, () => api(path, { method: 'POST', raw: chosen, contentType: contentType(chosen) }),
      (started) => follow(report, started.summary.importId));
  });
  clear($('#view'), el('section', { class: 'panel' }, form), el('section', { class: 'panel' }, report));
}

/** Shows the import's report, again every second until every row has its outcome. */
async function follow(box, importId) {
  const result = await api('/api/v1/channels/imports/' + encodeURIComponent(importId));
  const s = result.summary;
  clear(box,
    el('h2', {}, tr('import.rows') + ' · ' + (s.fileName || '')),
    el('p', { class: s.status === 'DONE' ? 'notice' : 'muted', 'data-status': s.status },
      s.status === 'DONE' ? tr('import.summary', s.rows, s.accepted, s.alreadyImported, s.duplicates, s.rejected)
        : tr('import.progress', s.pending)),
    s.ignoredColumns.length ? el('p', { class: 'muted' }, tr('import.ignored', s.ignoredColumns.join('、'))) : null,
    table(tr('import.rows'), [
      { label: tr('col.row'), value: (r) => String(r.row) },
      { label: tr('col.outcome'), value: (r) => tr('outcome.' + r.outcome) },
      { label: tr('col.code'), value: (r) => r.trackingCode || '' },
      { label: tr('col.phone'), value: (r) => r.phone || '' },
      { label: tr('col.reason'), value: (r) => [r.field, r.reason].filter(Boolean).join(': ') },
    ], result.rows, { fileName: 'import-' + importId + '.csv' }));
  if (s.status !== 'DONE' && document.body.contains(box)) {
    setTimeout(() => follow(box, importId).catch((e) => announce(e.message, true)), 1000);
  }
}

async function mine() {
  const [appeals, imports] = await Promise.all([api('/api/v1/channels/operator/appeals?limit=50'),
    api('/api/v1/channels/imports?limit=20')]);
  clear($('#view'),
    el('section', { class: 'panel' }, el('h2', {}, tr('mine.appeals')), table(tr('mine.appeals'), [
      { label: tr('col.at'), value: (a) => when(a.submittedAt) },
      { label: tr('col.code'), value: (a) => a.trackingCode },
      { label: tr('col.channel'), value: (a) => tr('channel.' + a.channel) },
      { label: tr('col.phone'), value: (a) => a.phone },
      { label: tr('col.status'), value: (a) => a.statusText },
    ], appeals, { fileName: 'filed-by-me.csv' })),
    el('section', { class: 'panel' }, el('h2', {}, tr('mine.imports')), table(tr('mine.imports'), [
      { label: tr('col.at'), value: (i) => when(i.createdAt) },
      { label: tr('col.file'), value: (i) => i.fileName || i.format },
      { label: tr('col.channel'), value: (i) => tr('channel.' + i.channel) },
      { label: tr('col.status'), value: (i) => i.status },
      { label: tr('col.counts'), value: (i) => [i.accepted, i.alreadyImported, i.rejected].join(' / ') },
    ], imports, { fileName: 'my-imports.csv' })));
}

async function main() {
  const me = await startStaffScreen('operator', 'title', ['OPERATOR']);
  if (!me) {
    return;
  }
  const start = location.hash.substring(1);
  show(TABS.includes(start) ? start : 'file');
}

main().catch((error) => announce(tr('error.generic') + error.message, true));
