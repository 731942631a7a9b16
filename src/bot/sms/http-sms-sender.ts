import type { SmsSender } from '../ports/sms-sender.js';

/**
 * Texts through a centre's SMS gateway: `POST {url}` with JSON `{ "to": "+86…", "text": "…" }` and
 * `Authorization: Bearer {token}`; any 2xx is success. Adapt a provider's API behind a small relay
 * that takes this shape (docs/privacy.md). Errors name the status only, never the number or text.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: { to: string; text: string }): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the SMS gateway answered ${response.status}`);
  }
}
