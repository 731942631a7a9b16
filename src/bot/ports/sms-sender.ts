/**
 * Sends one text message to a phone. The integration point for a centre's SMS gateway: see
 * docs/privacy.md ("Reaching a case from another device"). Implementations never log the number or the text.
 */
export interface SmsSender {
  send(message: { to: string; text: string }): Promise<void>;
}
