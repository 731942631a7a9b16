import fs from 'node:fs';
import type { RequestHandler } from 'express';
import type { App } from '../app.js';
import type { OutboundPayload } from '../channel.js';
import { conversationKey } from '../channel.js';
import { attachmentPath, safeFileName } from '../save-attachment.js';

const RESIDENT_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * `GET /chat/files/:outboxId?resident=ID`: a file staff sent to this resident. It is served only when
 * that outbox message was addressed to the same web resident; anything else is a plain 404.
 */
export function fileRoute(app: App): RequestHandler {
  return (req, res) => {
    const notFound = () => res.status(404).type('text').send('Not found');
    const resident = typeof req.query.resident === 'string' ? req.query.resident : '';
    const outboxId = Number(req.params.outboxId);
    if (!RESIDENT_ID.test(resident) || !Number.isInteger(outboxId)) return void notFound();
    app.repos.outbox
      .outboxMessage(outboxId)
      .then((message) => {
        if (!message || message.conversationKey !== conversationKey('web', resident)) return notFound();
        const payload = message.payload as OutboundPayload | null;
        if (payload?.kind !== 'file') return notFound();
        const file = attachmentPath(app.config.attachmentsDir, payload.attachmentId);
        if (!fs.existsSync(file)) return notFound();
        res.set({ 'Cache-Control': 'private, no-store', 'Content-Type': payload.mimeType });
        res.attachment(safeFileName(payload.fileName));
        fs.createReadStream(file).pipe(res);
      })
      .catch(() => res.status(500).type('text').send('Error'));
  };
}
