import type { Request, RequestHandler, Response } from 'express';
import type { App } from '../app.js';
import { conversationKey } from '../channel.js';
import { hashKey } from '../conversation-runner.js';
import { removeUpload, safeFileName, saveUpload, type SavedUpload } from '../save-attachment.js';
import type { WebChatChannel } from './web-chat-channel.js';
import { isMessageId } from './web-protocol.js';
import { acceptsFiles } from '../privacy/accepts-files.js';
import { translate } from '../../locales/render.js';
import { sameOrigin, type ResidentIdentity } from './resident-identity.js';


const DAY_MS = 24 * 60 * 60 * 1000;

function decodedName(header: string | undefined): string {
  try {
    return safeFileName(decodeURIComponent(header ?? ''));
  } catch {
    return safeFileName(header);
  }
}

/** Ends a refusal without reading a body we do not want; the connection closes so the rest is not sent. */
function finish(req: Request, res: Response, status: number, body: object): void {
  if (!req.complete) {
    res.set('Connection', 'close');
    req.resume();
  }
  res.status(status).json(body);
}

/**
 * `POST /chat/upload`: the body is the file itself; the identity cookie names the resident; headers give
 * the page's message id (`X-Fayuan-Message`) and the file name (`X-File-Name`, URI-encoded).
 * The file is stored by {@link saveUpload}, then a `user.attachment` (or `user.refused_attachment`)
 * event goes through the runner; the bot's answer reaches the page over its socket.
 */
export function uploadRoute(app: App, channel: WebChatChannel, identity: ResidentIdentity): RequestHandler {
  const { attachments, attachmentsDir } = app.config;
  const handle = async (req: Request, res: Response): Promise<void> => {
    const resident = identity.residentOf(req);
    const mid = req.get('x-fayuan-message');
    if (resident === null || !sameOrigin(req)) {
      finish(req, res, 403, { error: 'Open the chat page first: uploads come from its own visitor only.' });
      return;
    }
    if (!channel.limiters.uploadsPerAddress.take(req.socket.remoteAddress ?? '')) {
      finish(req, res, 429, { status: 'refused', reason: 'limit', message: translate('web.limit.slow_down', await channel.localeOf(resident)) });
      return;
    }
    if (!isMessageId(mid)) {
      finish(req, res, 400, { error: 'Send X-Fayuan-Message (8–64 of A-Z a-z 0-9 _ -).' });
      return;
    }
    const key = conversationKey('web', resident);
    // Nothing is written before the conversation asks for a file (which also means the resident agreed).
    const locale = await channel.localeOf(resident);
    if (!acceptsFiles(await app.runner.inspect('web', resident))) {
      finish(req, res, 409, { status: 'refused', reason: 'not_now', message: translate('web.upload.not_now', locale) });
      return;
    }
    if ((await app.repos.attachments.countSince(key, Date.now() - DAY_MS)) >= attachments.quotaPerDay) {
      finish(req, res, 429, { status: 'refused', reason: 'quota', message: translate('web.upload.quota', locale) });
      return;
    }
    const fileName = decodedName(req.get('x-file-name'));
    const declared = Number(req.get('content-length') ?? Number.NaN);
    let saved: SavedUpload;
    try {
      saved =
        declared > attachments.maxBytes
          ? { ok: false, reason: 'size' }
          : await saveUpload(req, { fileName, mimeType: req.get('content-type') ?? '' }, attachmentsDir, attachments);
    } catch (error) {
      app.logger.error({ channel: 'web', conversation: hashKey(conversationKey('web', resident)), err: error instanceof Error ? error.name : 'unknown' }, 'upload could not be stored');
      finish(req, res, 500, { error: 'The file could not be stored.' });
      return;
    }
    // Recorded at once: erasure, the quota and the retention purge find the file by its conversation.
    if (saved.ok) await app.repos.attachments.record({ ...saved.attachment, conversationKey: key, createdAt: Date.now() });
    app.logger.info(
      { channel: 'web', conversation: hashKey(conversationKey('web', resident)), accepted: saved.ok, reason: saved.ok ? undefined : saved.reason, bytes: saved.ok ? saved.attachment.size : undefined },
      'upload received',
    );
    try {
      const result = await channel.submit(
        resident,
        mid,
        saved.ok ? { type: 'user.attachment', attachment: saved.attachment } : { type: 'user.refused_attachment', reason: saved.reason, fileName },
      );
      // The page sent this upload before (a retry after a lost response): keep the first copy only.
      if (result.duplicate && saved.ok) await removeUpload(attachmentsDir, saved.attachment.id);
    } catch (error) {
      app.logger.error({ channel: 'web', conversation: hashKey(conversationKey('web', resident)), err: error instanceof Error ? error.name : 'unknown' }, 'upload event failed');
      if (saved.ok) await removeUpload(attachmentsDir, saved.attachment.id);
      finish(req, res, 500, { error: 'The file was not processed; please send it again.' });
      return;
    }
    if (saved.ok) finish(req, res, 201, { status: 'received' });
    else finish(req, res, saved.reason === 'size' ? 413 : 415, { status: 'refused', reason: saved.reason });
  };
  return (req, res, next) => {
    handle(req, res).catch(next);
  };
}
