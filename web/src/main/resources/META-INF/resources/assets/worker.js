// The worker portal: submit an appeal, sign in with phone and code, follow "my appeals"
// (plain-language status, timeline, replies, deadlines), answer a question, rate the
// outcome (a dissatisfied rating asks for the appeal to be handled again), the inbox.
import {
  $, act, announce, api, applyPrefs, clear, el, en, header, tabBar, texts, tr, useToken, when,
} from './common.js';

texts({
  'title': ['驿站诉求 · 职工服务', 'Waystation · for workers'],
  'tab.submit': ['我要反映', 'New appeal'],
  'tab.mine': ['我的诉求', 'My appeals'],
  'tab.inbox': ['消息', 'Messages'],
  'tab.signin': ['登录', 'Sign in'],
  'submit.heading': ['反映诉求', 'Tell us what happened'],
  'submit.intro': ['外卖骑手、快递员、网约车和货车司机遇到欠薪、工伤、劳动纠纷、驿站服务等问题，都可以在这里反映。我们会转交负责的部门，并告诉您办理进展。',
    'Delivery riders, couriers, ride-hailing and truck drivers: tell us about unpaid wages, injuries, disputes, rest stations or anything else. We pass it to the agency responsible and keep you informed.'],
  'submit.text': ['发生了什么？', 'What happened?'],
  'submit.textHint': ['请写明时间、地点、涉及的平台或站点和您希望得到的帮助。最多2000字。',
    'Say when and where, which platform or station, and what help you want. Up to 2,000 characters.'],
  'submit.phone': ['手机号码', 'Mobile number'],
  'submit.phoneHint': ['只用于联系您和登录查询，不会公开。', 'Only used to reach you and to sign in; never shown publicly.'],
  'submit.district': ['所在区', 'District'],
  'submit.station': ['就近的暖心驿站（可不选）', 'Nearest rest station (optional)'],
  'submit.choose': ['请选择', 'Choose'],
  'submit.none': ['不选择', 'None'],
  'submit.photos': ['照片（可不传，最多3张）', 'Photos (optional, up to 3)'],
  'submit.photosHint': ['如工资条、聊天记录截图、现场照片。照片会压缩后上传，并去掉拍摄位置等信息，只有承办部门能看到。',
    'Pay slips, chat screenshots, photos of the place. They are made smaller before sending, with the location taken out, and only the agency handling the case sees them.'],
  'submit.tooManyPhotos': ['最多只能上传3张照片。', 'At most 3 photos.'],
  'submit.badPhoto': ['“{0}”不是可用的照片（JPEG、PNG 或 WebP，5MB以内）。', '"{0}" cannot be used (JPEG, PNG or WebP, up to 5 MB).'],
  'submit.photoAlt': ['已选照片 {0}', 'Chosen photo {0}'],
  'submit.send': ['提交', 'Submit'],
  'submit.done': ['已受理。您的查询码：', 'Received. Your tracking code:'],
  'submit.keep': ['请保存查询码。用提交时的手机号登录后，可在“我的诉求”中查看进展。',
    'Keep this code. Sign in with the same mobile number to follow it under "My appeals".'],
  'submit.another': ['再反映一件', 'Submit another'],
  'signin.heading': ['手机号登录', 'Sign in with your mobile number'],
  'signin.send': ['获取验证码', 'Send code'],
  'signin.code': ['短信验证码', 'Code from the text message'],
  'signin.sent': ['验证码已发送至 {0}，5分钟内有效。', 'A code was sent to {0}; it is valid for 5 minutes.'],
  'signin.verify': ['登录', 'Sign in'],
  'signin.out': ['退出', 'Sign out'],
  'mine.heading': ['我的诉求', 'My appeals'],
  'mine.empty': ['您还没有反映过诉求。', 'You have not submitted an appeal yet.'],
  'mine.code': ['查询码', 'Tracking code'],
  'mine.open': ['查看', 'Open'],
  'detail.back': ['返回列表', 'Back to the list'],
  'detail.yourWords': ['您反映的内容', 'What you wrote'],
  'detail.department': ['承办部门', 'Handled by'],
  'detail.deadline': ['办理时限', 'Deadline'],
  'detail.next': ['下一步', 'What happens next'],
  'detail.resolution': ['办理结果', 'Outcome'],
  'detail.rating': ['您的评价', 'Your rating'],
  'detail.timeline': ['办理过程', 'Progress'],
  'detail.question': ['承办部门需要您补充：', 'The agency asks you:'],
  'detail.answer': ['您的答复', 'Your answer'],
  'detail.sendAnswer': ['发送答复', 'Send answer'],
  'detail.answered': ['答复已发送。', 'Your answer was sent.'],
  'rate.heading': ['您对办理结果满意吗？', 'Are you satisfied with the outcome?'],
  'rate.SATISFIED': ['满意', 'Satisfied'],
  'rate.BASICALLY_SATISFIED': ['基本满意', 'Mostly satisfied'],
  'rate.DISSATISFIED': ['不满意，请重新办理', 'Not satisfied: please handle it again'],
  'rate.comment': ['想说的话（可不填）', 'Anything to add (optional)'],
  'rate.send': ['提交评价', 'Send rating'],
  'rate.done': ['感谢您的评价。', 'Thank you for your rating.'],
  'inbox.heading': ['消息', 'Messages'],
  'inbox.empty': ['暂无消息。', 'No messages.'],
  'inbox.read': ['标为已读', 'Mark as read'],
  'needSignIn': ['请先用手机号登录。', 'Sign in with your mobile number first.'],
});

const DISTRICTS = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '门头沟区', '房山区', '通州区', '顺义区',
  '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区'];

/** Rest stations (暖心驿站) a worker may pick; their ids are what routing rules name. */
const STATIONS = [
  { id: 'CY-JXQ-01', district: '朝阳区', zh: '酒仙桥街道暖心驿站', en: 'Jiuxianqiao rest station' },
  { id: 'WJ-07', district: '朝阳区', zh: '望京街道7号暖心驿站', en: 'Wangjing rest station no. 7' },
  { id: 'HD-ZGC-02', district: '海淀区', zh: '中关村街道暖心驿站', en: 'Zhongguancun rest station' },
  { id: 'FT-XLZ-01', district: '丰台区', zh: '新村街道暖心驿站', en: 'Xincun rest station' },
  { id: 'DX-YZ-05', district: '大兴区', zh: '亦庄镇暖心驿站', en: 'Yizhuang rest station' },
  { id: 'SY-MP-03', district: '顺义区', zh: '马坡镇暖心驿站', en: 'Mapo rest station' },
];

const view = () => $('#view');
let worker = JSON.parse(sessionStorage.getItem('ws-worker') || 'null');

function signedIn() {
  return worker && worker.expiresAt > Date.now() + 5000;
}

function setWorker(value) {
  worker = value;
  if (value) {
    sessionStorage.setItem('ws-worker', JSON.stringify(value));
  } else {
    sessionStorage.removeItem('ws-worker');
  }
  useToken(value ? value.token : null, () => { setWorker(null); show('signin'); });
}

function tabs(current) {
  tabBar(signedIn() ? ['submit', 'mine', 'inbox'] : ['submit', 'signin'], current, (tab) => show(tab));
}

function show(tab, ...args) {
  announce('');
  tabs(tab);
  history.replaceState(null, '', '#' + tab);
  const screens = { submit: submitForm, signin: signInForm, mine: myAppeals, inbox, detail };
  (screens[tab] || submitForm)(...args);
  $('#content').focus();
}

const MAX_PHOTOS = 3;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_EDGE = 1600;

/**
 * A photo made ready to send: at most 1600 px on its long edge, re-encoded as JPEG (which
 * also leaves out the location and camera data), in base64. One the browser cannot
 * redraw is sent as it is, if it is small enough.
 */
async function preparePhoto(file) {
  let blob = file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } catch (e) {
    blob = file;
  }
  if (!blob || blob.size > MAX_PHOTO_BYTES || !['image/jpeg', 'image/png', 'image/webp'].includes(blob.type)) {
    throw new Error(tr('submit.badPhoto', file.name));
  }
  const data = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return { contentType: blob.type, data, preview: URL.createObjectURL(blob) };
}

function submitForm() {
  const key = 'web-' + crypto.randomUUID();
  let photos = [];
  let ready = Promise.resolve();
  const thumbs = el('div', { class: 'thumbs', id: 'photo-previews' });
  const photoInput = el('input', { id: 'photos', name: 'photos', type: 'file', multiple: true,
    accept: 'image/jpeg,image/png,image/webp', 'aria-describedby': 'photos-hint' });
  photoInput.addEventListener('change', () => { ready = choosePhotos(); });
  const choosePhotos = async () => {
    const files = Array.from(photoInput.files || []);
    if (files.length > MAX_PHOTOS) {
      announce(tr('submit.tooManyPhotos'), true);
    }
    try {
      photos = await Promise.all(files.slice(0, MAX_PHOTOS).map(preparePhoto));
      announce('');
    } catch (error) {
      photos = [];
      photoInput.value = '';
      announce(error.message, true);
    }
    clear(thumbs, photos.map((p, i) => el('img', { src: p.preview, alt: tr('submit.photoAlt', i + 1) })));
  };
  const stationSelect = el('select', { id: 'station', name: 'stationId' });
  const districtSelect = el('select', { id: 'district', name: 'district', required: true },
    el('option', { value: '' }, tr('submit.choose')), DISTRICTS.map((d) => el('option', { value: d }, d)));
  const fillStations = () => clear(stationSelect, el('option', { value: '' }, tr('submit.none')),
    STATIONS.filter((s) => !districtSelect.value || s.district === districtSelect.value)
      .map((s) => el('option', { value: s.id }, (en() ? s.en : s.zh) + ' · ' + s.district)));
  districtSelect.addEventListener('change', fillStations);
  fillStations();
  const form = el('form', { novalidate: true },
    el('h2', {}, tr('submit.heading')),
    el('p', { class: 'hint' }, tr('submit.intro')),
    el('label', { for: 'text' }, tr('submit.text')),
    el('p', { class: 'hint', id: 'text-hint' }, tr('submit.textHint')),
    el('textarea', { id: 'text', name: 'text', required: true, maxlength: '2000', 'aria-describedby': 'text-hint' }),
    el('label', { for: 'phone' }, tr('submit.phone')),
    el('p', { class: 'hint', id: 'phone-hint' }, tr('submit.phoneHint')),
    el('input', { id: 'phone', name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel', required: true,
      'aria-describedby': 'phone-hint', value: worker ? worker.phone : '' }),
    el('label', { for: 'district' }, tr('submit.district')), districtSelect,
    el('label', { for: 'station' }, tr('submit.station')), stationSelect,
    el('label', { for: 'photos' }, tr('submit.photos')),
    el('p', { class: 'hint', id: 'photos-hint' }, tr('submit.photosHint')), photoInput, thumbs,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('submit.send'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    act(form, async () => { await ready; return api('/api/v1/appeals', {
      method: 'POST', auth: false,
      body: {
        channel: 'WEB', text: data.get('text'), phone: data.get('phone').trim(),
        district: data.get('district') || null, stationId: data.get('stationId') || null, idempotencyKey: key,
        photos: photos.map((p) => ({ contentType: p.contentType, data: p.data })),
      },
    }); }, (accepted) => {
      clear(view(), el('section', { class: 'panel' },
        el('h2', {}, tr('submit.done')),
        el('p', { class: 'code', id: 'tracking-code' }, accepted.trackingCode),
        el('p', {}, tr('submit.keep')),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'primary', onclick: () => show(signedIn() ? 'mine' : 'signin') },
            tr(signedIn() ? 'tab.mine' : 'tab.signin')),
          el('button', { type: 'button', onclick: () => show('submit') }, tr('submit.another')))));
      announce(tr('submit.done') + ' ' + accepted.trackingCode);
    });
  });
  clear(view(), el('section', { class: 'panel' }, form));
}

function signInForm() {
  const phoneForm = el('form', { novalidate: true },
    el('h2', {}, tr('signin.heading')),
    el('label', { for: 'signin-phone' }, tr('submit.phone')),
    el('input', { id: 'signin-phone', name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel',
      required: true }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('signin.send'))));
  const codeForm = el('form', { novalidate: true, class: 'hidden' },
    el('label', { for: 'signin-code' }, tr('signin.code')),
    el('input', { id: 'signin-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code',
      maxlength: '6', required: true }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('signin.verify'))));
  phoneForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const phone = phoneForm.elements.phone.value.trim();
    act(phoneForm, () => api('/api/v1/auth/otp', { method: 'POST', auth: false, body: { phone } }), (sent) => {
      announce(tr('signin.sent', sent.sentTo));
      codeForm.classList.remove('hidden');
      codeForm.elements.code.focus();
    });
  });
  codeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const phone = phoneForm.elements.phone.value.trim();
    act(codeForm, () => api('/api/v1/auth/otp/verify', {
      method: 'POST', auth: false, body: { phone, code: codeForm.elements.code.value.trim() },
    }), (tokens) => {
      setWorker({ token: tokens.token, phone, expiresAt: Date.now() + (tokens.expiresIn || 900) * 1000 });
      renderHeader();
      show('mine');
    });
  });
  clear(view(), el('section', { class: 'panel' }, phoneForm, codeForm));
}

async function myAppeals() {
  if (!signedIn()) {
    announce(tr('needSignIn'), true);
    return signInForm();
  }
  const appeals = await api('/api/v1/appeals?limit=50');
  clear(view(), el('section', { class: 'panel' },
    el('h2', {}, tr('mine.heading')),
    appeals.length === 0 ? el('p', {}, tr('mine.empty')) : el('ul', { class: 'choices', id: 'my-appeals' },
      appeals.map((appeal) => el('li', { class: 'card', 'data-code': appeal.trackingCode },
        el('p', {}, el('strong', {}, appeal.statusText), ' · ', appeal.deadlineText || ''),
        el('p', { class: 'muted' }, tr('mine.code') + ' ' + appeal.trackingCode + ' · ' + when(appeal.submittedAt)),
        el('p', {}, appeal.text.length > 60 ? appeal.text.substring(0, 60) + '…' : appeal.text),
        el('button', { type: 'button', class: 'primary', onclick: () => show('detail', appeal.trackingCode) },
          tr('mine.open') + ' ' + appeal.trackingCode))))));
}

async function detail(code, known) {
  const appeal = known || await api('/api/v1/appeals/' + encodeURIComponent(code));
  const panel = el('section', { class: 'panel', id: 'appeal-detail', 'data-status': appeal.status },
    el('button', { type: 'button', onclick: () => show('mine') }, '← ' + tr('detail.back')),
    el('h2', {}, appeal.statusText),
    el('p', { class: 'muted' }, tr('mine.code') + ' ' + appeal.trackingCode),
    el('dl', { class: 'facts' },
      appeal.departmentName ? [el('dt', {}, tr('detail.department')), el('dd', {}, appeal.departmentName)] : null,
      appeal.deadlineText ? [el('dt', {}, tr('detail.deadline')), el('dd', {}, appeal.deadlineText)] : null,
      appeal.nextStep ? [el('dt', {}, tr('detail.next')), el('dd', { id: 'next-step' }, appeal.nextStep)] : null,
      appeal.ratingText ? [el('dt', {}, tr('detail.rating')), el('dd', { id: 'rating-text' }, appeal.ratingText)]
        : null),
    appeal.resolution ? [el('h3', {}, tr('detail.resolution')), el('p', { class: 'words', id: 'resolution' },
      appeal.resolution)] : null);
  if (appeal.question) {
    const form = el('form', { novalidate: true, id: 'answer-form' },
      el('h3', {}, tr('detail.question')),
      el('p', { class: 'words' }, appeal.question),
      el('label', { for: 'answer' }, tr('detail.answer')),
      el('textarea', { id: 'answer', name: 'answer', required: true, maxlength: '2000' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('detail.sendAnswer'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(form, () => api('/api/v1/appeals/' + encodeURIComponent(code) + '/answers', {
        method: 'POST', body: { answer: form.elements.answer.value },
      }), (view) => { show('detail', code, view); announce(tr('detail.answered')); });
    });
    panel.append(form);
  }
  if (appeal.canRate) {
    const form = el('form', { novalidate: true, id: 'rating-form' },
      el('fieldset', {},
        el('legend', {}, tr('rate.heading')),
        el('div', { class: 'choices' }, ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'].map((rating) =>
          el('label', {}, el('input', { type: 'radio', name: 'rating', value: rating, required: true }),
            tr('rate.' + rating))))),
      el('label', { for: 'comment' }, tr('rate.comment')),
      el('textarea', { id: 'comment', name: 'comment', maxlength: '500' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, tr('rate.send'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      act(form, () => api('/api/v1/appeals/' + encodeURIComponent(code) + '/rating', {
        method: 'POST', body: { rating: data.get('rating'), comment: data.get('comment') || null },
      }), (view) => { show('detail', code, view); announce(tr('rate.done')); });
    });
    panel.append(form);
  }
  panel.append(
    el('h3', {}, tr('detail.yourWords')), el('p', { class: 'words' }, appeal.text),
    el('h3', {}, tr('detail.timeline')),
    el('ol', { class: 'timeline', id: 'timeline' }, appeal.timeline.slice().reverse().map((entry) =>
      el('li', { 'data-status': entry.status },
        el('strong', {}, entry.text), el('br'),
        el('span', { class: 'muted' }, when(entry.at) + (entry.departmentName ? ' · ' + entry.departmentName : '')),
        entry.note ? el('p', { class: 'words' }, entry.note) : null))));
  clear(view(), panel);
}

async function inbox() {
  if (!signedIn()) {
    return signInForm();
  }
  const box = await api('/api/v1/notifications/inbox?limit=50');
  clear(view(), el('section', { class: 'panel' },
    el('h2', {}, tr('inbox.heading')),
    box.messages.length === 0 ? el('p', {}, tr('inbox.empty')) : el('ul', { class: 'choices', id: 'inbox' },
      box.messages.map((message) => el('li', { class: 'card', 'data-template': message.template },
        el('p', {}, message.readAt ? null : [el('span', { class: 'badge' }, en() ? 'new' : '未读'), ' '],
          (en() && message.messageEn) ? message.messageEn : message.message),
        el('p', { class: 'muted' }, when(message.occurredAt)),
        message.readAt ? null : el('button', { type: 'button', onclick: () => act(null, () => api(
          '/api/v1/notifications/inbox/' + encodeURIComponent(message.id) + '/read', { method: 'POST' }),
        () => inbox()) }, tr('inbox.read')))))));
}

function renderHeader() {
  header('title', signedIn() ? [el('button', { type: 'button', onclick: () => { setWorker(null); renderHeader();
    show('submit'); } }, tr('signin.out'))] : [], true);
}

applyPrefs();
setWorker(signedIn() ? worker : null);
renderHeader();
const start = location.hash.substring(1);
show(['submit', 'signin', 'mine', 'inbox'].includes(start) ? start : (signedIn() ? 'mine' : 'submit'));

