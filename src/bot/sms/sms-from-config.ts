import type { Config } from '../../config.js';
import type { SmsSender } from '../ports/sms-sender.js';
import { HttpSmsSender } from './http-sms-sender.js';
import { OutboxFileSmsSender } from './outbox-file-sms-sender.js';

/** The configured way to text codes: the gateway, else the dev outbox file, else none (residents are told to call). */
export function smsSenderFromConfig(sms: Config['sms']): SmsSender | null {
  if (sms.gatewayUrl) return new HttpSmsSender(sms.gatewayUrl, sms.gatewayToken);
  if (sms.outboxFile) return new OutboxFileSmsSender(sms.outboxFile);
  return null;
}
