import fs from 'node:fs';
import type { RequestHandler } from 'express';
import type { App } from '../app.js';
import type { OutboundPayload } from '../channel.js';
import { conversationKey } from '../channel.js';
import { attachmentPath, safeFileName } from '../save-attachment.js';
import type { ResidentIdentity } from './resident-identity.js';

/**
 * `GET /chat/files/:outboxId`: a file staff sent to the resident whose identity cookie comes with the
 * request. It is served only when that outbox message was addressed to them; anything else is a plain 404.
 */
export function fileRoute(app: App, identity: ResidentIdentity): RequestHandler {
  return (req, res) => {
    const notFound = () => res.status(404).type('text').send('Not found');
    const resident = identity.residentOf(req);
    const outboxId = Number(req.params.outboxId);
    if (resident === null || !Number.isInteger(outboxId)) return void notFound();
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
