import { toCsv } from './csv';

describe('toCsv (RFC 4180)', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['dischargeYear', 'riskTier', 'rate'],
        [
          [2026, 'high', 0.75],
          [2026, null, true],
        ],
      ),
    ).toBe('dischargeYear,riskTier,rate\r\n2026,high,0.75\r\n2026,,true\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'two\nlines', 'cr\rhere']])).toBe(
      'a,b,c,d\r\n"x,y","say ""hi""","two\nlines","cr\rhere"\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('defuses %j, which a spreadsheet would run as a formula', (text, written) => {
    expect(toCsv(['cell'], [[text]])).toBe(`cell\r\n${written}\r\n`);
  });

  it('writes negative numbers as numbers, and leaves ordinary text alone', () => {
    expect(toCsv(['n', 'text'], [[-1.5, 'home_health']])).toBe('n,text\r\n-1.5,home_health\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
