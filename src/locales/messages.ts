import type { Catalog } from './catalog.js';
import { caseMessages } from './cases.js';
import { conversationMessages } from './conversation.js';
import { conversationConfirmMessages } from './conversation-confirm.js';
import { consoleMessages } from './console.js';
import { coreMessages } from './core.js';
import { dangerMessages } from './danger.js';
import { domainMessages } from './domain.js';
import { eligibilityMessages, eligibilityStaffMessages } from './eligibility.js';
import { faqMessages } from './faq.js';
import { handoffMessages } from './handoff.js';
import { intakeMessages } from './intake.js';
import { staffMessages } from './staff.js';
import { staffTelegramMessages } from './staff-telegram.js';
import { webMessages } from './web.js';
import { privacyMessages } from './privacy.js';
import { wechatMessages } from './wechat.js';
import { caseLinkMessages } from './case-link.js';
import { keyMessages } from './keys.js';
import { kbValidationMessages } from './kb-validation.js';
import { policyCheckMessages } from './policy-check.js';
import { localPolicyMessages } from './local-policy.js';

/** Every catalog the bot renders from. Add each namespace file here. */
export const MESSAGES: Catalog = {
  ...coreMessages,
  ...domainMessages,
  ...eligibilityMessages,
  ...eligibilityStaffMessages,
  ...faqMessages,
  ...intakeMessages,
  ...caseMessages,
  ...handoffMessages,
  ...staffMessages,
  ...staffTelegramMessages,
  ...webMessages,
  ...dangerMessages,
  ...conversationMessages,
  ...conversationConfirmMessages,
  ...consoleMessages,
  ...privacyMessages,
  ...wechatMessages,
  ...caseLinkMessages,
  ...keyMessages,
  ...kbValidationMessages,
  ...policyCheckMessages,
  ...localPolicyMessages,
};
