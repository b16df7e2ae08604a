import { sameJson } from './same-json';

describe('sameJson', () => {
  it('compares values whatever the order of their keys, leaving out undefined fields', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells different values apart, array order included', () => {
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(undefined, {})).toBe(false);
  });
});
