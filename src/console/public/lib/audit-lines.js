// The audit log as people read it: words instead of event codes, names instead of account numbers, and
// repeated views of the same thing by the same person folded into one line. Pure: no page, no fetch.

/** Views closer together than this, by one person of one thing, with nothing else done to it between, make one line. */
export const VIEW_WINDOW_MS = 30 * 60_000;

const isView = (e) => e.outcome === 'ok' && /\.view$/.test(e.action);

/**
 * Folds repeated views (entries newest first). Each line is `{ entry, count, oldest }`: the newest entry
 * of its run, how many it stands for and the oldest one's time. A run breaks after `VIEW_WINDOW_MS`, or
 * when the same person did something else to the same thing in between (view, claim, view stays three lines).
 */
export function foldViews(entries, windowMs = VIEW_WINDOW_MS) {
  const lines = [];
  const open = new Map();
  for (const entry of entries) {
    const key = `${entry.accountId}|${entry.target}`;
    const run = open.get(key);
    if (isView(entry) && run && run.entry.action === entry.action && run.entry.detail === entry.detail && run.entry.at - entry.at <= windowMs) {
      run.count++;
      run.oldest = entry.at;
      continue;
    }
    open.delete(key);
    const line = { entry, count: 1, oldest: entry.at };
    lines.push(line);
    if (isView(entry)) open.set(key, line);
  }
  return lines;
}

/** A reason or refusal code as a key suffix (`wrong password` → `wrong_password`). */
const codeKey = (code) => code.replace(/[^a-z0-9]+/gi, '_');

/**
 * The words of one entry: `{ action, target, detail }`, each `{ text, code }` where `code` is what the
 * log stores (kept for the auditor, shown on hover). `words` = `{ t, has, nameOf, statusOf, roleOf, officeOf }` of the page.
 */
export function describeEntry(entry, words) {
  const { t, has, nameOf } = words;
  const label = (key, raw, params) => (has(key) ? t(key, params) : raw);
  const action = label(`audit.action.${entry.action}`, entry.action);
  return { action, target: describeTarget(entry, words), detail: describeDetail(entry, words, nameOf) };
}

function describeTarget(entry, { t, nameOf }) {
  const target = entry.target;
  if (!target) return '';
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  if (!id) return target;
  if (kind === 'account') return t('audit.target.account', { name: nameOf(Number(id)) });
  if (kind === 'live' || kind === 'kb' || kind === 'canned' || kind === 'attachment') return t(`audit.target.${kind}`, { id });
  if (kind === 'report') return t('audit.target.report', { month: id });
  if (kind === 'region') return t('audit.target.region', { id });
  return target;
}

function describeDetail(entry, { t, has, statusOf, roleOf, officeOf }, nameOf) {
  const detail = entry.detail;
  if (!detail) return '';
  if (entry.outcome === 'refused' && has(`audit.reason.${codeKey(detail)}`)) return t(`audit.reason.${codeKey(detail)}`);
  const parts = detail.split(' ');
  const words = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const transition = /^([a-z_—]+)→([a-z_]+)$/.exec(part);
    const tagged = /^([a-z]+)[:=](.+)$/.exec(part);
    if (transition) words.push(`${transition[1] === '—' ? '—' : statusOf(transition[1])} → ${statusOf(transition[2])}`);
    else if (part === 'to' && /^account:\d+$/.test(parts[i + 1] ?? '')) words.push(t('audit.detail.assigned_to', { name: nameOf(Number(parts[++i].slice(8))) }));
    else if (part === 'version' && parts[i + 1]) words.push(t('audit.detail.version', { version: parts[++i] }));
    else if (tagged && tagged[1] === 'telegram') continue; // shown as who did it
    else if (tagged && tagged[1] === 'note') words.push(t('audit.detail.note', { id: tagged[2] }));
    else if (tagged && tagged[1] === 'attachment') words.push(entry.action === 'live.message' ? t('audit.detail.file') : t('audit.target.attachment', { id: tagged[2] }));
    else if (tagged && tagged[1] === 'role') words.push(t('audit.detail.role', { role: roleOf(tagged[2]) }));
    else if (tagged && tagged[1] === 'office') words.push(t('audit.detail.office', { office: officeOf(tagged[2]) }));
    // A 低保 standard added on the 本地政策 page: from:DATE urban:1250x2 rural:900x2 kept:previous/….yaml
    else if (tagged && tagged[1] === 'from') words.push(t('audit.detail.from', { date: tagged[2] }));
    else if (tagged && (tagged[1] === 'urban' || tagged[1] === 'rural')) words.push(t(`audit.detail.${tagged[1]}`, { amount: tagged[2].replace('x', ' × ') }));
    else if (tagged && tagged[1] === 'kept') words.push(t('audit.detail.kept', { file: tagged[2] }));
    else words.push(has(`audit.reason.${codeKey(part)}`) ? t(`audit.reason.${codeKey(part)}`) : part);
  }
  return words.join(' · ');
}
