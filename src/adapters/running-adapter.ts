/** A started platform adapter (STYLE.md 4): `stop` closes its client once requests in flight are done. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}
