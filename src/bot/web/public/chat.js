// Fayuan web chat client: plain JavaScript, no dependencies, no CDN.
// The resident is a random id kept in localStorage; replies arrive over one WebSocket; files go by POST.
// Every text on the page comes from /chat/strings.json (src/locales/web.ts).

const RESIDENT_KEY = 'fayuan.resident';
const LOCALE_KEY = 'fayuan.locale';
const RESIDENT_ID = /^[A-Za-z0-9_-]{16,64}$/;

const $ = (id) => document.getElementById(id);
const log = $('log');
const status = $('status');
const form = $('composer');
const input = $('message');
const attach = $('attach');
const fileInput = $('file');
const languageButton = $('language');

function randomId(bytes) {
  const data = new Uint8Array(bytes);
  crypto.getRandomValues(data);
  return btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing may refuse storage; the chat still works for this visit.
  }
}

let resident = stored(RESIDENT_KEY);
const isNewResident = !resident || !RESIDENT_ID.test(resident);
if (isNewResident) {
  resident = randomId(24);
  store(RESIDENT_KEY, resident);
}

const state = {
  locale: stored(LOCALE_KEY) || document.documentElement.lang || 'zh-CN',
  strings: null,
  upload: { maxBytes: 0, allowedTypes: [] },
  socket: null,
  greeted: false,
  retries: 0,
  reconnectTimer: 0,
  /** Frames sent but not yet confirmed, in order; sent again after a reconnect (the server drops repeats). */
  unconfirmed: [],
  /** Outbox ids already shown, so a reply the outbox sends twice is shown once. */
  seen: new Set(),
};

function t(key, params = {}) {
  const texts = state.strings?.locales[state.locale] ?? state.strings?.locales[state.strings.defaultLocale];
  const template = texts?.[key] ?? '';
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function applyLocale(locale) {
  if (!state.strings?.locales[locale]) return;
  state.locale = locale;
  store(LOCALE_KEY, locale);
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
}

function setStatus(key) {
  status.dataset.key = key ?? '';
  status.textContent = key ? t(key) : '';
  document.body.classList.toggle('offline', Boolean(key));
}

// ---- the conversation log -------------------------------------------------

function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
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
  body.append(speaker, text);
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

/** Removes the quick replies once the resident answered; focus that was on a button goes to the input. */
function clearChoices() {
  if (removeChoices()) input.focus();
}

function showChoices(item, choices) {
  const group = document.createElement('div');
  group.className = 'choices';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('web.choices.label'));
  for (const choice of choices) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'choice';
    button.textContent = choice.label;
    button.addEventListener('click', () => choose(choice));
    group.append(button);
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
    // Only this resident's id unlocks the file; the link is made here so it never sits in history.
    const link = document.createElement('a');
    link.className = 'msg__file';
    link.href = `/chat/files/${encodeURIComponent(frame.id)}?resident=${encodeURIComponent(resident)}`;
    link.download = frame.fileName;
    link.textContent = t('web.file.download');
    item.append(link);
    return;
  }
  const item = addMessage('bot', frame.text);
  if (frame.choices.length > 0) showChoices(item, frame.choices);
}

function showHistory(entries) {
  if (entries.length === 0) return;
  // Earlier messages are not news: keep screen readers from reading them all out.
  log.setAttribute('aria-live', 'off');
  const first = log.firstChild;
  for (const entry of entries) {
    const text = 'file' in entry ? t('web.file', { fileName: entry.file }) : entry.text;
    log.insertBefore(addMessage(entry.from === 'bot' ? 'bot' : 'me', text), first);
  }
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
  const frame = { ...fields, user: resident, mid: randomId(12) };
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

function receive(frame) {
  switch (frame.type) {
    case 'history':
      showHistory(frame.entries);
      break;
    case 'bot':
    case 'file':
      // Confirm every copy, even one already shown: the outbox counts a reply as delivered only then.
      transmit({ type: 'received', user: resident, mid: randomId(12), id: frame.id });
      showBot(frame);
      break;
    case 'ack':
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

function connect() {
  clearTimeout(state.reconnectTimer);
  if (state.socket) return;
  setStatus(state.greeted ? 'web.status.reconnecting' : 'web.status.connecting');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/chat/socket`);
  state.socket = socket;
  socket.addEventListener('open', () => {
    state.retries = 0;
    setStatus(null);
    // The first connection of this page asks for the history; later ones only resume.
    const type = state.greeted ? 'resume' : isNewResident ? 'hello' : 'welcome_back';
    state.greeted = true;
    socket.send(JSON.stringify({ type, user: resident, mid: randomId(12) }));
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
    setStatus(state.greeted ? 'web.status.reconnecting' : 'web.status.connecting');
    const delay = Math.min(15_000, 500 * 2 ** state.retries++) * (0.75 + Math.random() / 2);
    state.reconnectTimer = setTimeout(connect, delay);
  });
}

// ---- what the resident does -----------------------------------------------

function choose(choice) {
  const item = addMessage('me', choice.label, { pending: true });
  clearChoices();
  input.focus();
  sendFrame({ type: 'choice', id: choice.id }, item);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  const item = addMessage('me', text, { pending: true });
  clearChoices();
  sendFrame({ type: 'message', text }, item);
});

languageButton.addEventListener('click', () => {
  const next = state.locale === 'en' ? 'zh-CN' : 'en';
  applyLocale(next);
  sendFrame({ type: 'message', text: next === 'en' ? '/lang en' : '/lang zh' }, null);
});

attach.addEventListener('click', () => fileInput.click());

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  const item = addMessage('me', t('web.file', { fileName: file.name }), { pending: true });
  clearChoices();
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
      headers: {
        'Content-Type': type,
        'X-Fayuan-Resident': resident,
        'X-Fayuan-Message': randomId(12),
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
    if (!response.ok && response.status !== 413 && response.status !== 415) throw new Error(String(response.status));
    confirmed(item);
  } catch {
    confirmed(item);
    addMessage('note', t('web.upload.failed'));
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
  } catch {
    state.strings = null;
  }
  if (state.strings) applyLocale(state.strings.locales[state.locale] ? state.locale : state.strings.defaultLocale);
  connect();
}

start();
