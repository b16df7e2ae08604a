import { frameMllp } from './mllp-frame';

describe('frameMllp', () => {
  it('given a message, when framed, then it is VT, the UTF-8 bytes, FS, CR', () => {
    expect([...frameMllp('MSH|é\r')]).toEqual([
      0x0b, 0x4d, 0x53, 0x48, 0x7c, 0xc3, 0xa9, 0x0d, 0x1c, 0x0d,
    ]);
  });

  it.each([
    ['a start block', 'MSH|\u000b'],
    ['an end block', 'MSH|\u001c'],
  ])('given a message holding %s, when framed, then it is refused', (_, text) => {
    expect(() => frameMllp(text)).toThrow(RangeError);
  });
});
