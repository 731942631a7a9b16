/** Moved to the channel-neutral staff service; kept here so existing imports keep working. */
export * from '../../staff/case-actions.js';
