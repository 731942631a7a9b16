/** The resident confirmed "delete my records": the conversation resets and the runner erases what it held. */
export const ERASE_CONFIRM = 'privacy.erase.yes';
/** The resident kept their records after all. */
export const ERASE_CANCEL = 'privacy.erase.no';
