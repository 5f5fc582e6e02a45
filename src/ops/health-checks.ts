import { OK, type Check } from './health.js';

/**
 * The checks /healthz runs, over the smallest shape of each client so that this folder loads no
 * platform library (the adapters hand over their own objects).
 */

/** discord.js's `Status` enum (typings/index.d.ts, discord.js 14.28), by value. */
const DISCORD_STATUS = ['ready', 'connecting', 'reconnecting', 'idle', 'nearly', 'disconnected', 'waiting for guilds', 'identifying', 'resuming'];

export interface DiscordClientState {
  isReady(): boolean;
  /** `client.ws.shards`: each shard's gateway status; the manager's own status stays Ready after the first login. */
  ws: { shards: { values(): Iterable<{ id: number; status: number }> } };
}

/** Ready and every shard of this process connected to the gateway. */
export function discordCheck(client: DiscordClientState): Check {
  return () => {
    if (!client.isReady()) return 'gateway not ready';
    const down = [...client.ws.shards.values()].filter((shard) => shard.status !== 0);
    return down.length === 0 ? OK : `gateway ${down.map((shard) => `shard ${shard.id} ${DISCORD_STATUS[shard.status] ?? 'unknown'}`).join(', ')}`;
  };
}

/** `SocketModeClient` (@slack/socket-mode): its WebSocket is open. */
export interface SocketModeState {
  websocket?: { isActive(): boolean } | undefined;
}

export function slackSocketCheck(client: SocketModeState): Check {
  return () => (client.websocket?.isActive() ? OK : 'socket mode not connected');
}

/** HTTP mode: Slack reaches us, so "connected" means the server is listening. */
export function slackHttpCheck(server: { listening: boolean }): Check {
  return () => (server.listening ? OK : 'http server not listening');
}

export function databaseCheck(database: { ping(): Promise<void> }): Check {
  return async () => {
    try {
      await database.ping();
      return OK;
    } catch (error) {
      return `no answer${errorCode(error)}`;
    }
  };
}

/**
 * A driver's error code (ECONNREFUSED, 28P01, SQLITE_BUSY) says what failed; its message may name
 * a host or a user, so it is left out.
 */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? ` (${code})` : '';
}
