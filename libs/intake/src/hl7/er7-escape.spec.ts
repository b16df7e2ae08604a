import fc from 'fast-check';
import { decodeEr7, encodeEr7 } from './er7-escape';

describe('decodeEr7', () => {
  it('given each delimiter escape, when decoded, then it is the delimiter', () => {
    expect(decodeEr7('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f')).toBe('a|b^c&d~e\\f');
  });

  it('given text without escapes, when decoded, then it is unchanged', () => {
    expect(decodeEr7("O'Brien-Smith 3rd")).toBe("O'Brien-Smith 3rd");
  });

  it.each([
    ['highlighting', 'MRN\\H\\1\\N\\'],
    ['hex data', 'A\\X0D\\B'],
    ['a line break', 'a\\.br\\b'],
    ['a lone escape character', 'C:\\temp'],
    ['an unterminated delimiter escape', 'a\\F'],
  ])('given %s, when decoded, then it is refused', (_, raw) => {
    expect(decodeEr7(raw)).toBeUndefined();
  });
});

describe('encodeEr7', () => {
  it('given delimiters, when encoded, then each becomes its escape', () => {
    expect(encodeEr7('a|b^c&d~e\\f')).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f');
  });

  it('decodes back to any text it encoded (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('|', '^', '&', '~', '\\', 'F', 'E', 'x') }),
        (text) => {
          expect(decodeEr7(encodeEr7(text))).toBe(text);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
