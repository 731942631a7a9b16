import type { Catalog } from './catalog.js';
import { coreMessages } from './core.js';

/** Every catalog the bot renders from. Add each namespace file here. */
export const MESSAGES: Catalog = {
  ...coreMessages,
};
