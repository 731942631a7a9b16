// Fayuan web chat client: plain JavaScript, no dependencies, no CDN.
// Who the resident is lives only in an HttpOnly cookie the server issues: this script never sees it,
// and nothing is kept on the device. Replies arrive over one WebSocket; files go by POST.
// Every text on the page comes from /chat/strings.json (src/locales/web.ts).

const $ = (id) => document.getElementById(id);
const log = $('log');
const status = $('status');
const form = $('composer');
const input = $('message');
const counter = $('counter');
const attach = $('attach');
const fileInput = $('file');
const languageButton = $('language');
const exitButton = $('exit');
const eraseButton = $('erase');
const clearButton = $('clear-device');

function randomId(bytes) {
  const data = new Uint8Array(bytes);
  crypto.getRandomValues(data);
  return btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const state = {
  locale: document.documentElement.lang || 'zh-CN',
  strings: null,
  upload: { maxBytes: 0, allowedTypes: [] },
  maxMessageChars: Number(input.maxLength) || 2000,
  exitUrl: exitButton.dataset.exit,
  socket: null,
  /** The server sent this page its history: later connections only resume. */
  greeted: false,
  retries: 0,
  reconnectTimer: 0,
  /** Frames sent but not yet confirmed, in order; sent again after a reconnect (the server drops repeats). */
  unconfirmed: [],
  /** Outbox ids already shown, so a reply the outbox sends twice is shown once. */
  seen: new Set(),
  /** How the last button was pressed: on a touch screen the keyboard must not pop up over the answers. */
  pointer: 'mouse',
  escapes: [],
  leaving: false,
};

function t(key, params = {}) {
  const texts = state.strings?.locales[state.locale] ?? state.strings?.locales[state.strings.defaultLocale];
  const template = texts?.[key] ?? '';
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function applyLocale(locale) {
  if (!state.strings?.locales[locale]) return;
  state.locale = locale;
  document.documentElement.lang = locale;
  document.title = t('web.title');
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t(el.dataset.label));
  for (const el of document.querySelectorAll('[data-title]')) el.title = t(el.dataset.title);
  for (const el of document.querySelectorAll('[data-placeholder]')) el.placeholder = t(el.dataset.placeholder);
  languageButton.lang = locale === 'en' ? 'zh-CN' : 'en';
  for (const group of log.querySelectorAll('.choices')) group.setAttribute('aria-label', t('web.choices.label'));
  for (const el of log.querySelectorAll('.msg__pending')) el.textContent = t('web.message.pending');
  if (status.dataset.key) status.textContent = t(status.dataset.key);
  updateCounter();
}

function setStatus(key) {
  status.dataset.key = key ?? '';
  status.textContent = key ? t(key) : '';
  document.body.classList.toggle('offline', Boolean(key));
}

// ---- leaving and forgetting -------------------------------------------------

/** Wipes the conversation from the screen (and the input), so "back" shows nothing of it. */
function wipeScreen() {
  log.replaceChildren();
  input.value = '';
  updateCounter();
  fitInput();
  state.unconfirmed = [];
  state.seen.clear();
}

/** Quick exit: the chat leaves the screen and the page is replaced (not added to history) by a neutral site. */
function quickExit() {
  if (state.leaving) return;
  state.leaving = true;
  wipeScreen();
  document.title = '';
  try {
    state.socket?.close();
  } catch {
    // Leaving matters more than closing politely.
  }
  location.replace(state.exitUrl || 'about:blank');
}

exitButton.addEventListener('click', quickExit);
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const now = Date.now();
  state.escapes = [...state.escapes.filter((at) => now - at < 2000), now];
  if (state.escapes.length >= 3) quickExit();
});

/** "Clear this device": the identity cookie and anything the browser kept for this site are removed. */
async function clearDevice() {
  if (!window.confirm(t('web.clear_device.confirm'))) return;
  try {
    await fetch('/chat/session/clear', { method: 'POST' });
  } catch {
    // Without the network the cookie stays; the screen is still cleared below.
  }
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage may be refused (private browsing): there is nothing in it then.
  }
  wipeScreen();
  state.socket?.close();
  location.replace(location.pathname);
}

clearButton.addEventListener('click', () => void clearDevice());

// ---- the conversation log -------------------------------------------------

function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
}

// Hotlines (96110: anti-fraud), emergency numbers and office (landline, 400) numbers; not mobile numbers (in the bot's words they
// are examples or the resident's own), amounts, dates or days ("2000元", "110天").
// 12110 is the police's text-message number: it opens a text, not a call.
const PHONE = /(?<![\d-])(0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4}|1234[0-9]|1233[0-9]|1235[0-9]|12315|12110|96110|110|120|119|122)(?![\d-]|[元块%天年月日岁号个条万千])/g;
const TEXT_ONLY = new Set(['12110']);

// An application number ("FY-20261202-0001"): residents copy it down or read it out, so it is never broken over two lines.
const CASE_REF = /FY-\d{8}-\d{4}/g;

/** `text` with every application number kept on one line; the text between them made by `between` (plain by default). */
function keepingCaseRefs(text, between = (t) => document.createTextNode(t)) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(CASE_REF)) {
    fragment.append(between(text.slice(last, match.index)));
    const ref = document.createElement('span');
    ref.className = 'ref';
    ref.textContent = match[0];
    fragment.append(ref);
    last = match.index + match[0].length;
  }
  fragment.append(between(text.slice(last)));
  return fragment;
}

/** Text with every phone number as a tap-to-call link and every application number kept on one line. */
function withPhoneLinks(text) {
  return keepingCaseRefs(text, phoneLinks);
}

function phoneLinks(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    fragment.append(text.slice(last, match.index));
    const link = document.createElement('a');
    link.className = 'tel';
    link.href = `${TEXT_ONLY.has(match[0]) ? 'sms' : 'tel'}:${match[0].replace(/-/g, '')}`;
    link.textContent = match[0];
    fragment.append(link);
    last = match.index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function addMessage(from, text, { pending = false } = {}) {
  const item = document.createElement('div');
  item.className = `msg msg--${from}`;
  if (from !== 'me') item.lang = state.locale;
  const speaker = document.createElement('span');
  speaker.className = 'visually-hidden';
  speaker.textContent = t(from === 'me' ? 'web.speaker.me' : 'web.speaker.bot');
  const body = document.createElement('p');
  body.className = 'msg__text';
  body.append(speaker, from === 'me' ? text : withPhoneLinks(text));
  item.append(body);
  if (pending) {
    const note = document.createElement('span');
    note.className = 'msg__pending';
    note.textContent = t('web.message.pending');
    item.append(note);
  }
  log.append(item);
  scrollToEnd();
  return item;
}

function confirmed(item) {
  item?.querySelector('.msg__pending')?.remove();
}

/** Removes the quick replies on screen; says whether keyboard focus was on one of them. */
function removeChoices() {
  const groups = [...log.querySelectorAll('.choices')];
  const hadFocus = groups.some((group) => group.contains(document.activeElement));
  for (const group of groups) group.remove();
  return hadFocus;
}

/**
 * A newer bot message without buttons (a notice staff sent, a file) came after the question on screen: its buttons
 * belong to an earlier moment of the conversation, so they stay visible but can no longer be pressed (the server
 * would only answer "that button is from an earlier message"). The next question brings its own buttons.
 */
function retireChoices() {
  const hadFocus = [...log.querySelectorAll('.choices')].some((group) => group.contains(document.activeElement));
  for (const group of log.querySelectorAll('.choices:not(.choices--stale)')) {
    group.classList.add('choices--stale');
    for (const button of group.querySelectorAll('button')) {
      button.disabled = true;
      button.setAttribute('aria-disabled', 'true');
    }
  }
  // Focus on a button that is now disabled would be lost: a keyboard user goes on in the input.
  if (hadFocus) input.focus();
}

/**
 * Takes the quick replies off the screen but keeps them: a file the server does not take answers nothing, so the
 * question's buttons go back under the note that says why (unless new buttons came meanwhile).
 */
function holdChoices() {
  const groups = [...log.querySelectorAll('.choices')];
  for (const group of groups) group.remove();
  return groups;
}

function restoreChoices(item, groups) {
  if (groups.length === 0 || log.querySelector('.choices')) return;
  item.append(...groups);
  scrollToEnd();
}

/**
 * After the resident answered: a keyboard user goes on typing in the input; on a touch screen nothing
 * takes focus, so the on-screen keyboard does not cover the next buttons.
 */
function focusAfterAnswer(viaKeyboard) {
  if (viaKeyboard || state.pointer !== 'touch') input.focus();
  else document.activeElement?.blur?.();
}

document.addEventListener('pointerdown', (event) => {
  state.pointer = event.pointerType || 'mouse';
}, true);

/** A checklist item's box as channels without toggles write it, and a ticked one. */
const BOX = /^[☐☑□■]\s*/u;
const CHECKED = /^[☑■]/u;

function choiceButton(label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'choice';
  // "查看申请进度（FY-…）": the number on one line in a button too.
  button.append(keepingCaseRefs(label));
  return button;
}

function showChoices(item, choices, multiSelect) {
  const group = document.createElement('div');
  group.className = 'choices';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('web.choices.label'));
  if (multiSelect) {
    // A checklist: toggles that send nothing, then one message with every selection on the done button.
    const toggles = [];
    // Checklist items are the choices written with a box ("☐ …", "☑ …"), as channels without toggles
    // show them; the others ("none of these", "back") stay ordinary buttons. No boxes at all: every
    // choice but "done" is an item.
    const boxed = choices.some((c) => BOX.test(c.label));
    for (const original of choices.filter((c) => c.id !== multiSelect.doneId)) {
      if (boxed && !BOX.test(original.label)) {
        const button = choiceButton(original.label);
        button.addEventListener('click', (event) => choose(original, event.detail === 0));
        group.append(button);
        continue;
      }
      // Here aria-pressed draws the box, so it leaves the label.
      const choice = { ...original, label: original.label.replace(BOX, '') };
      const button = choiceButton(choice.label);
      button.classList.add('choice--toggle');
      button.setAttribute('aria-pressed', CHECKED.test(original.label) ? 'true' : 'false');
      button.addEventListener('click', () => {
        button.setAttribute('aria-pressed', button.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      });
      toggles.push({ button, choice });
      group.append(button);
    }
    const done = choices.find((c) => c.id === multiSelect.doneId);
    if (done) {
      const button = choiceButton(done.label);
      button.classList.add('choice--done');
      button.addEventListener('click', (event) => {
        const picked = toggles.filter((entry) => entry.button.getAttribute('aria-pressed') === 'true').map((entry) => entry.choice);
        chooseMany(picked, done, event.detail === 0);
      });
      group.append(button);
    }
  } else {
    for (const choice of choices) {
      const button = choiceButton(choice.label);
      button.addEventListener('click', (event) => choose(choice, event.detail === 0));
      group.append(button);
    }
  }
  // New buttons replace old ones; a keyboard user who was on an old button lands on the first new one.
  const hadFocus = removeChoices();
  item.append(group);
  if (hadFocus) group.firstElementChild.focus();
  scrollToEnd();
}

function showBot(frame) {
  if (state.seen.has(frame.id)) return;
  state.seen.add(frame.id);
  if (frame.type === 'file') {
    const text = [t('web.file', { fileName: frame.fileName }), frame.caption].filter(Boolean).join('\n');
    const item = addMessage('bot', text);
    // The identity cookie unlocks the file: the link itself names no one.
    const link = document.createElement('a');
    link.className = 'msg__file';
    link.href = `/chat/files/${encodeURIComponent(frame.id)}`;
    link.download = frame.fileName;
    link.textContent = t('web.file.download');
    item.append(link);
    retireChoices();
    return;
  }
  const item = addMessage('bot', frame.text);
  if (frame.choices.length > 0) showChoices(item, frame.choices, frame.multiSelect);
  else retireChoices();
}

function showHistory(entries, choices, multiSelect) {
  if (entries.length === 0) return;
  // Earlier messages are not news: keep screen readers from reading them all out.
  log.setAttribute('aria-live', 'off');
  const first = log.firstChild;
  let last = null;
  for (const entry of entries) {
    const text = 'file' in entry ? t('web.file', { fileName: entry.file }) : entry.text;
    last = addMessage(entry.from === 'bot' ? 'bot' : 'me', text);
    log.insertBefore(last, first);
  }
  // The conversation still waits on the last question: its buttons work again, it is not asked twice.
  if (choices && choices.length > 0 && last) showChoices(last, choices, multiSelect);
  const divider = document.createElement('p');
  divider.className = 'divider';
  divider.dataset.text = 'web.history.end';
  divider.textContent = t('web.history.end');
  log.insertBefore(divider, first);
  scrollToEnd();
  setTimeout(() => log.setAttribute('aria-live', 'polite'), 0);
}

// ---- talking to the server ------------------------------------------------

function transmit(frame) {
  if (state.socket?.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(frame));
}

function sendFrame(fields, item) {
  const frame = { ...fields, mid: randomId(12) };
  state.unconfirmed.push({ frame, item });
  transmit(frame);
}

function settle(mid) {
  const index = state.unconfirmed.findIndex((entry) => entry.frame.mid === mid);
  if (index < 0) return null;
  const [entry] = state.unconfirmed.splice(index, 1);
  confirmed(entry.item);
  return entry;
}

/** The server answered: the connection works, so the next drop starts its back-off from short again. */
function working() {
  state.retries = 0;
}

function receive(frame) {
  switch (frame.type) {
    case 'history':
      state.greeted = true;
      working();
      showHistory(frame.entries, frame.choices, frame.multiSelect);
      break;
    case 'bot':
    case 'file':
      working();
      // Confirm every copy, even one already shown: the outbox counts a reply as delivered only then.
      transmit({ type: 'received', mid: randomId(12), id: frame.id });
      showBot(frame);
      break;
    case 'ack':
      working();
      settle(frame.mid);
      break;
    case 'failed':
      settle(frame.mid);
      addMessage('note', frame.text);
      break;
    case 'locale':
      if (frame.locale !== state.locale) applyLocale(frame.locale);
      break;
  }
}

/** Makes sure this browser holds an identity the server issued (a new one when it had none). */
async function ensureSession() {
  const response = await fetch('/chat/session', { method: 'POST' });
  if (!response.ok) throw new Error(String(response.status));
}

function connect() {
  clearTimeout(state.reconnectTimer);
  if (state.socket || state.leaving) return;
  setStatus(state.greeted ? 'web.status.reconnecting' : 'web.status.connecting');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/chat/socket`);
  let opened = false;
  state.socket = socket;
  socket.addEventListener('open', () => {
    opened = true;
    setStatus(null);
    // Until the server has sent this page its history, every connection says hello again (the first
    // one may have died with the server before it was answered); later ones only resume.
    if (state.greeted) socket.send(JSON.stringify({ type: 'resume', mid: randomId(12) }));
    else socket.send(JSON.stringify({ type: 'hello', mid: randomId(12), locale: navigator.language || '' }));
    for (const { frame } of state.unconfirmed) socket.send(JSON.stringify(frame));
  });
  socket.addEventListener('message', (event) => {
    try {
      receive(JSON.parse(event.data));
    } catch {
      // A frame this page does not understand is skipped.
    }
  });
  socket.addEventListener('close', () => {
    if (state.socket !== socket) return;
    state.socket = null;
    if (state.leaving) return;
    setStatus(state.greeted ? 'web.status.reconnecting' : 'web.status.connecting');
    const delay = Math.min(15_000, 500 * 2 ** state.retries++) * (0.75 + Math.random() / 2);
    // Refused before opening: the identity may be gone (cleared in another tab); ask for one again.
    const again = opened ? connect : () => ensureSession().then(connect, connect);
    state.reconnectTimer = setTimeout(again, delay);
  });
}

// ---- what the resident does -----------------------------------------------

/** The choice that confirms "delete my records" (src/flows/erase-choices.ts). */
const ERASE_CONFIRM = 'privacy.erase.yes';

function choose(choice, viaKeyboard) {
  // Erasing: what the page shows and kept goes at once; the bot's next words start a new conversation.
  if (choice.id === ERASE_CONFIRM) {
    wipeScreen();
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // nothing stored
    }
  }
  const item = addMessage('me', choice.label, { pending: true });
  removeChoices();
  focusAfterAnswer(viaKeyboard);
  sendFrame({ type: 'choice', id: choice.id }, item);
}

function chooseMany(picked, done, viaKeyboard) {
  const text = picked.length > 0 ? picked.map((c) => c.label).join('、') : done.label;
  const item = addMessage('me', text, { pending: true });
  removeChoices();
  focusAfterAnswer(viaKeyboard);
  sendFrame({ type: 'choices', ids: picked.map((c) => c.id) }, item);
}

function updateCounter() {
  const count = input.value.length;
  counter.textContent = count > state.maxMessageChars / 2 ? t('web.message.counter', { count, max: state.maxMessageChars }) : '';
  counter.classList.toggle('counter--full', count >= state.maxMessageChars);
}

/** The box grows with what is typed, up to the height its style allows (a few lines), then scrolls. */
function fitInput() {
  input.style.height = 'auto';
  const limit = parseFloat(getComputedStyle(input).maxHeight) || Infinity;
  const border = input.offsetHeight - input.clientHeight;
  const before = input.offsetHeight;
  input.style.height = `${Math.min(input.scrollHeight + border, limit)}px`;
  // A taller box takes room from the conversation: keep its last line in view.
  if (input.offsetHeight > before) scrollToEnd();
  input.style.overflowY = input.scrollHeight + border > limit ? 'auto' : 'hidden';
}

input.addEventListener('input', () => {
  updateCounter();
  fitInput();
});

/**
 * Enter sends on a keyboard; Shift+Enter starts a new line. On a touch screen Enter is a new line (the send
 * button sends), and Enter that confirms an input method's candidate (pinyin) never sends.
 */
input.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  if (state.pointer === 'touch' || window.matchMedia('(hover: none) and (pointer: coarse)').matches) return;
  event.preventDefault();
  form.requestSubmit();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  updateCounter();
  fitInput();
  const item = addMessage('me', text, { pending: true });
  if (removeChoices()) input.focus();
  sendFrame({ type: 'message', text }, item);
});

languageButton.addEventListener('click', () => {
  const next = state.locale === 'en' ? 'zh-CN' : 'en';
  applyLocale(next);
  sendFrame({ type: 'message', text: next === 'en' ? '/lang en' : '/lang zh' }, null);
});

eraseButton.addEventListener('click', () => {
  const item = addMessage('me', t('web.erase'), { pending: true });
  removeChoices();
  sendFrame({ type: 'message', text: '/delete' }, item);
});

attach.addEventListener('click', () => fileInput.click());

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  const item = addMessage('me', t('web.file', { fileName: file.name }), { pending: true });
  const held = holdChoices();
  attach.focus();
  const type = (file.type || '').toLowerCase();
  // Checked here to spare a useless upload; the server checks again and has the last word.
  if (!state.upload.allowedTypes.includes(type)) {
    sendFrame({ type: 'refused_attachment', reason: 'type', fileName: file.name }, item);
    return;
  }
  if (file.size > state.upload.maxBytes) {
    sendFrame({ type: 'refused_attachment', reason: 'size', fileName: file.name }, item);
    return;
  }
  const note = item.querySelector('.msg__pending');
  note.textContent = t('web.upload.sending');
  note.style.display = 'block';
  try {
    const response = await fetch('/chat/upload', {
      method: 'POST',
      headers: { 'Content-Type': type, 'X-Fayuan-Message': randomId(12), 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    });
    confirmed(item);
    const answer = await response.json().catch(() => ({}));
    // The server said why it did not take the file (not expected now, quota, too many): show it.
    if (typeof answer.message === 'string') restoreChoices(addMessage('note', answer.message), held);
    else if (!response.ok && response.status !== 413 && response.status !== 415) throw new Error(String(response.status));
  } catch {
    confirmed(item);
    restoreChoices(addMessage('note', t('web.upload.failed')), held);
  }
});

window.addEventListener('online', connect);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') connect();
});

async function start() {
  try {
    const response = await fetch('/chat/strings.json');
    state.strings = await response.json();
    state.upload = state.strings.upload;
    state.maxMessageChars = state.strings.maxMessageChars;
    state.exitUrl = state.strings.exitUrl;
    input.maxLength = state.maxMessageChars;
  } catch {
    state.strings = null;
  }
  if (state.strings) applyLocale(state.strings.locales[state.locale] ? state.locale : state.strings.defaultLocale);
  try {
    await ensureSession();
  } catch {
    // The socket is refused without an identity; its reconnect asks again.
  }
  connect();
}

start();
