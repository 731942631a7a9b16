/** The resident confirmed "delete my records": the conversation resets and the runner erases what it held. */
export const ERASE_CONFIRM = 'privacy.erase.yes';
/** The resident kept their records after all. */
export const ERASE_CANCEL = 'privacy.erase.no';
/** The resident agreed to the application's sensitive questions (PIPL art. 29). */
export const SENSITIVE_AGREE = 'privacy.sensitive.agree';
/** The resident did not agree to the sensitive questions: no application. */
export const SENSITIVE_DECLINE = 'privacy.sensitive.decline';
