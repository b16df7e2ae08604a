import { until } from './until';

export interface ReceivedEvent {
  event: string;
  data: unknown;
}

/** A server-sent event stream read with fetch, keeping every event it received. */
export class EventStream {
  readonly events: ReceivedEvent[] = [];
  private readonly aborted = new AbortController();

  private constructor(readonly status: number) {}

  static async open(url: string, token: string): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const stream = new EventStream(response.status);
    stream.aborted.signal.addEventListener('abort', () => controller.abort());
    if (response.ok && response.body) void stream.read(response.body);
    return stream;
  }

  /** Waits for the first event matching `match` received after the first `seen` ones. */
  next(what: string, match: (event: ReceivedEvent) => boolean, seen = 0, timeoutMs = 10_000) {
    return until(what, () => this.events.slice(seen).find(match), timeoutMs);
  }

  close(): void {
    this.aborted.abort();
  }

  /** Enough of the event-stream format for this api: `event:` and one `data:` line per event. */
  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) this.receive(block);
      }
    } catch (error) {
      if (!this.aborted.signal.aborted) throw error;
    }
  }

  private receive(block: string): void {
    const field = (name: string) =>
      block
        .split('\n')
        .find((line) => line.startsWith(`${name}: `))
        ?.slice(name.length + 2);
    const data = field('data');
    if (data !== undefined) {
      this.events.push({ event: field('event') ?? 'message', data: JSON.parse(data) as unknown });
    }
  }
}
