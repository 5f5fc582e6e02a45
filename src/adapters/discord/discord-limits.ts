/** Discord's message limits (discord.com/developers/docs/resources/message, "Embed Limits"). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Characters across every embed of one message. */
  embedsTotal: 6000,
  embeds: 10,
  /** Attachments per message. */
  files: 10,
  /** Characters in one string option of a slash command (what a user can type or paste there). */
  optionValue: 6000,
  /** Default upload limit per message for bots in servers without boosts. */
  uploadBytes: 10 * 1024 * 1024,
  /** A component's or a modal's custom_id (discord.com/developers/docs/components/reference). */
  customId: 100,
  /** A modal's title. */
  modalTitle: 45,
  /** A text input's label and its placeholder. */
  textInputLabel: 45,
  textInputPlaceholder: 100,
} as const;
