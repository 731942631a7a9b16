/** A started channel: the serve command closes each one on shutdown. */
export interface RunningChannel {
  name: string;
  /** Stop taking updates; in-flight ones finish first. */
  close(): Promise<void>;
}
