import type { FileReader, RequestInput } from './dispatch.js';
import type { Reply } from './reply.js';
import type { Theme } from './render-jobs.js';

/** One request as an adapter hands it to the core: who asked, where, and what they typed. */
export interface IncomingRequest {
  platform: string;
  userId: string;
  /** The Discord server or Slack workspace, '' or absent for a DM or the CLI: kept with practice progress. */
  serverId?: string | undefined;
  channelId?: string | undefined;
  /** The channel's name where the platform sends it (Slack), for a server's channel list. */
  channelName?: string | undefined;
  /**
   * Whether the asker may change the server's settings: Discord's Manage Server, Slack's admins.
   * A function, as Slack needs an API call for it: made only when someone changes a setting.
   */
  canManage?: () => Promise<boolean>;
  input: RequestInput;
  theme: Theme;
  /** The one derivation step the adapter shows (see RunContext.showStep). */
  showStep?: number;
  /** false: the reply shows no pictures, so none are drawn. */
  pictures?: boolean;
  /** false: a personal answer shows no pictures here (Slack's ephemeral messages carry no uploads), so none are drawn for one. */
  personalPictures?: boolean;
  /** 'click': paging through an answer already given, limited apart from commands (request-guard.ts). */
  kind?: 'command' | 'click';
  /** The local CLI and console: one trusted person at a keyboard, so no rate limit and no queue. */
  local?: boolean;
}

/** How an acknowledged request is answered: `personal` answers are shown to the asker alone. */
export interface Delivery {
  personal: boolean;
}

/**
 * What an adapter supplies: its platform's verbs, and nothing that decides. The core calls them
 * in one order (serve.ts): `reject` or `acknowledge`, then exactly one of `deliver` or `apologize`
 * for everything acknowledged.
 */
export interface PlatformVerbs {
  /** Answer at once, before any acknowledgement: bad input, a rate limit, busy, restarting. */
  reject(reply: Reply): Promise<void>;
  /** Tell the platform the request is being worked on (Discord: a deferral; Slack: the ack). */
  acknowledge(delivery: Delivery): Promise<void>;
  /** Fetches a file the request names (an attachment, a path); absent where files are not read. */
  readFile?: FileReader;
  /** The answer. */
  deliver(reply: Reply, delivery: Delivery): Promise<void>;
  /** A final answer that is not the result: a problem found after acknowledging, a timeout, an apology. */
  apologize(reply: Reply): Promise<void>;
}
