// The change feed (server-sent events from /api/events): new cases, hand-off requests, messages, danger
// alerts. One EventSource for the whole page; views subscribe while they are shown.

let source = null;
const listeners = new Set();
const statusListeners = new Set();
const buildListeners = new Set();

function dispatch(data, type) {
  let event;
  try {
    event = JSON.parse(data);
  } catch {
    return;
  }
  if (!event || typeof event !== 'object') return;
  if (type) event.type = type;
  for (const listener of listeners) listener(event);
}

/** Opens the feed (after sign-in). The browser reconnects by itself; `onFeedStatus` hears about it. */
export function openFeed() {
  if (source) return;
  source = new EventSource('/api/events', { withCredentials: true });
  source.onmessage = (message) => dispatch(message.data);
  // Named events (`event: case.created`) arrive here too.
  for (const type of ['case.created', 'case.changed', 'case.withdrawn', 'live.requested', 'live.changed', 'live.message', 'danger', 'kb.changed']) {
    source.addEventListener(type, (message) => dispatch(message.data, type));
  }
  // The pages' version the server hands out now, sent on every (re)connection.
  source.addEventListener('build', (message) => {
    try {
      const { build } = JSON.parse(message.data);
      for (const listener of buildListeners) listener(build);
    } catch {
      // A malformed line: nothing to compare.
    }
  });
  source.onopen = () => {
    for (const listener of statusListeners) listener(true);
  };
  source.onerror = () => {
    for (const listener of statusListeners) listener(false);
  };
}

export function closeFeed() {
  source?.close();
  source = null;
}

/** Calls `listener(event)` for every event until the returned function is called. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onFeedStatus(listener) {
  statusListeners.add(listener);
}

/** Calls `listener(build)` with the server's pages version each time the feed (re)connects. */
export function onBuild(listener) {
  buildListeners.add(listener);
}
