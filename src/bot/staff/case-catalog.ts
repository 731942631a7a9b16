import type { Catalog } from '../../locales/catalog.js';
import { caseMessages } from '../../locales/cases.js';
import { domainMessages } from '../../locales/domain.js';
import { MESSAGES } from '../../locales/messages.js';
import { staffMessages } from '../../locales/staff.js';

/** Every text case handling renders: the shared catalog plus vocabulary, case and staff texts. */
export const CASE_CATALOG: Catalog = { ...MESSAGES, ...domainMessages, ...caseMessages, ...staffMessages };
