import { MAX_MESSAGE_BYTES } from './adt-limits';
import { MLLP_CARRIAGE_RETURN, MLLP_END_BLOCK, MLLP_START_BLOCK } from './mllp-frame';

const LINE_FEED = 0x0a;

/** What a push of bytes completed: a message, or bytes that could not be one. */
export type MllpDecoded =
  | { kind: 'message'; text: string }
  /** Bytes outside any frame, or a frame abandoned when another started before it ended. */
  | { kind: 'garbage'; byteCount: number }
  /** A frame grew past the limit; its bytes are dropped up to its end block. */
  | { kind: 'oversized-frame'; limit: number };

export interface MllpDecoderOptions {
  /** Largest message, in bytes between the start and end blocks. */
  maxFrameBytes?: number;
}

type DecoderState = 'between-frames' | 'in-frame' | 'skipping-frame';

/**
 * Reassembles MLLP frames from a byte stream however it is split or coalesced, decoding each
 * message as UTF-8. CR and LF between frames are ignored; anything else there is reported as
 * garbage. It never throws on any bytes.
 */
export class MllpDecoder {
  private readonly maxFrameBytes: number;
  private state: DecoderState = 'between-frames';
  private frame: Uint8Array[] = [];
  private frameBytes = 0;

  constructor(options: MllpDecoderOptions = {}) {
    this.maxFrameBytes = options.maxFrameBytes ?? MAX_MESSAGE_BYTES;
  }

  push(chunk: Uint8Array): MllpDecoded[] {
    const decoded: MllpDecoded[] = [];
    let garbageBytes = 0;
    const flushGarbage = () => {
      if (garbageBytes > 0) decoded.push({ kind: 'garbage', byteCount: garbageBytes });
      garbageBytes = 0;
    };
    let index = 0;
    while (index < chunk.length) {
      const state = this.state;
      switch (state) {
        case 'between-frames': {
          const byte = chunk[index];
          index += 1;
          if (byte === MLLP_START_BLOCK) {
            flushGarbage();
            this.startFrame();
          } else if (byte !== MLLP_CARRIAGE_RETURN && byte !== LINE_FEED) {
            garbageBytes += 1;
          }
          break;
        }
        case 'in-frame':
        case 'skipping-frame': {
          const boundary = nextBoundary(chunk, index);
          if (state === 'in-frame') this.append(chunk.subarray(index, boundary), decoded);
          index = boundary;
          if (index < chunk.length) {
            this.closeFrame(chunk[index] === MLLP_END_BLOCK, decoded);
            index += 1;
          }
          break;
        }
        default: {
          const unknownState: never = state;
          return unknownState;
        }
      }
    }
    flushGarbage();
    return decoded;
  }

  private startFrame(): void {
    this.state = 'in-frame';
    this.frame = [];
    this.frameBytes = 0;
  }

  /** At an end block the frame is complete; at a start block it is abandoned for a new one. */
  private closeFrame(atEndBlock: boolean, decoded: MllpDecoded[]): void {
    const collecting = this.state === 'in-frame';
    if (atEndBlock) {
      if (collecting) decoded.push({ kind: 'message', text: this.text() });
      this.state = 'between-frames';
    } else {
      if (collecting) decoded.push({ kind: 'garbage', byteCount: this.frameBytes + 1 });
      this.startFrame();
    }
  }

  private append(bytes: Uint8Array, decoded: MllpDecoded[]): void {
    this.frameBytes += bytes.length;
    if (this.frameBytes > this.maxFrameBytes) {
      decoded.push({ kind: 'oversized-frame', limit: this.maxFrameBytes });
      this.state = 'skipping-frame';
      this.frame = [];
      return;
    }
    // Copied: the caller may reuse the chunk's memory once push returns.
    if (bytes.length > 0) this.frame.push(Uint8Array.from(bytes));
  }

  private text(): string {
    return Buffer.concat(this.frame).toString('utf8');
  }
}

/** Index of the next start or end block at or after `from`, or the chunk's length. */
function nextBoundary(chunk: Uint8Array, from: number): number {
  const end = chunk.indexOf(MLLP_END_BLOCK, from);
  const start = chunk.indexOf(MLLP_START_BLOCK, from);
  if (end === -1) return start === -1 ? chunk.length : start;
  return start === -1 ? end : Math.min(start, end);
}
