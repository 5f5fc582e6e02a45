/** Block Kit limits (api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  /** chat.postMessage's `text` (the notification and fallback) is truncated by Slack past 4,000. */
  fallbackText: 4000,
  buttonValue: 2000,
  /** A response_url takes 5 posts within 30 minutes. */
  responseUrlUses: 5,
} as const;
