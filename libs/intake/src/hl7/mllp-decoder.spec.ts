import fc from 'fast-check';
import { type MllpDecoded, MllpDecoder } from './mllp-decoder';
import { frameMllp } from './mllp-frame';

const A08 = [
  'MSH|^~\\&|EPIC|GENERAL_HOSPITAL|CARE_TRANSITIONS|CTE|20261116101500||ADT^A08^ADT_A01|MSG00003|P|2.5.1',
  'EVN|A08|20261116101500',
  'PID|1||MRN100234^^^GH^MR||Testpatient^Alex||19520314|F',
  '',
].join('\r');
const bytes = (text: string) => Buffer.from(text, 'latin1');
const message = (text: string): MllpDecoded => ({ kind: 'message', text });

function pushAll(decoder: MllpDecoder, chunks: Uint8Array[]): MllpDecoded[] {
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

describe('MllpDecoder', () => {
  it('given one whole frame, when pushed, then it yields the message', () => {
    expect(new MllpDecoder().push(frameMllp(A08))).toEqual([message(A08)]);
  });

  it('given two frames in one chunk, when pushed, then it yields both, in order', () => {
    const chunk = Buffer.concat([frameMllp('MSH|1'), frameMllp('MSH|2')]);

    expect(new MllpDecoder().push(chunk)).toEqual([message('MSH|1'), message('MSH|2')]);
  });

  it('given a frame split inside the message and between FS and CR, when pushed piece by piece, then it yields the message once it ends', () => {
    const decoder = new MllpDecoder();
    const frame = frameMllp('MSH|^~\\&|EPIC');

    expect(decoder.push(frame.subarray(0, 4))).toEqual([]);
    expect(decoder.push(frame.subarray(4, frame.length - 1))).toEqual([message('MSH|^~\\&|EPIC')]);
    expect(decoder.push(frame.subarray(frame.length - 1))).toEqual([]);
  });

  it('given a multi-byte character split across chunks, when pushed, then it decodes whole', () => {
    const frame = frameMllp('PID|||Müller');
    const split = frame.indexOf(0xc3) + 1;

    expect(pushAll(new MllpDecoder(), [frame.subarray(0, split), frame.subarray(split)])).toEqual([
      message('PID|||Müller'),
    ]);
  });

  it('given bytes before a frame, when pushed, then they are reported as garbage and the frame still decodes', () => {
    const chunk = Buffer.concat([bytes('HELLO'), frameMllp('MSH|1')]);

    expect(new MllpDecoder().push(chunk)).toEqual([
      { kind: 'garbage', byteCount: 5 },
      message('MSH|1'),
    ]);
  });

  it('given garbage after a frame, when pushed, then it is reported once per push', () => {
    const decoder = new MllpDecoder();

    expect(decoder.push(Buffer.concat([frameMllp('MSH|1'), bytes('xyz')]))).toEqual([
      message('MSH|1'),
      { kind: 'garbage', byteCount: 3 },
    ]);
    expect(decoder.push(bytes('\u001c'))).toEqual([{ kind: 'garbage', byteCount: 1 }]);
  });

  it('given CR and LF between frames, when pushed, then they are not garbage', () => {
    const chunk = Buffer.concat([frameMllp('MSH|1'), bytes('\r\n\n'), frameMllp('MSH|2')]);

    expect(new MllpDecoder().push(chunk)).toEqual([message('MSH|1'), message('MSH|2')]);
  });

  it('given a frame abandoned by a new start block, when pushed, then the abandoned bytes are garbage and the new frame decodes', () => {
    const chunk = Buffer.concat([bytes('\u000bMSH|tru'), frameMllp('MSH|2')]);

    expect(new MllpDecoder().push(chunk)).toEqual([
      { kind: 'garbage', byteCount: 8 },
      message('MSH|2'),
    ]);
  });

  it('given a frame over the limit, when pushed, then it is reported once, dropped to its end, and the next frame decodes', () => {
    const decoder = new MllpDecoder({ maxFrameBytes: 10 });
    const oversized = frameMllp('MSH|0123456789');

    expect(decoder.push(oversized.subarray(0, 8))).toEqual([]);
    expect(decoder.push(oversized.subarray(8, 12))).toEqual([
      { kind: 'oversized-frame', limit: 10 },
    ]);
    expect(decoder.push(Buffer.concat([oversized.subarray(12), frameMllp('MSH|1')]))).toEqual([
      message('MSH|1'),
    ]);
  });

  it('given a frame of exactly the limit, when pushed, then it decodes', () => {
    expect(new MllpDecoder({ maxFrameBytes: 5 }).push(frameMllp('MSH|1'))).toEqual([
      message('MSH|1'),
    ]);
  });

  it('given an empty frame, when pushed, then it yields an empty message for the parser to refuse', () => {
    expect(new MllpDecoder().push(bytes('\u000b\u001c\r'))).toEqual([message('')]);
  });

  it('given the caller reuses its buffer after a push, when the frame ends later, then the message is unchanged', () => {
    const decoder = new MllpDecoder();
    const reused = Buffer.from('\u000bMSH|1', 'latin1');

    decoder.push(reused);
    reused.fill(0x58);

    expect(decoder.push(bytes('\u001c\r'))).toEqual([message('MSH|1')]);
  });

  it('reassembles framed messages however the stream is split (property)', () => {
    const text = fc.oneof(fc.constant(A08), fc.string({ unit: 'grapheme', maxLength: 200 }));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (texts, cuts) => {
          const stream = Buffer.concat(texts.map(frameMllp));
          const offsets = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...offsets].map((start, index) =>
            stream.subarray(start, offsets[index] ?? stream.length),
          );

          expect(pushAll(new MllpDecoder(), chunks)).toEqual(texts.map(message));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
