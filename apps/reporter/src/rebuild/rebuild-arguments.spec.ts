import { parseRebuildArguments, RebuildUsageError } from './rebuild-arguments';

describe('parseRebuildArguments', () => {
  it('rebuilds every tenant from the topic unless told otherwise', () => {
    expect(parseRebuildArguments([])).toEqual({ fromStore: false });
  });

  it('takes a tenant and a replay from the event store, in either option form', () => {
    expect(parseRebuildArguments(['--tenant=general-hospital', '--from-store'])).toEqual({
      tenantId: 'general-hospital',
      fromStore: true,
    });
    expect(parseRebuildArguments(['--tenant', 'st-mary-2'])).toEqual({
      tenantId: 'st-mary-2',
      fromStore: false,
    });
  });

  it.each([
    [['--tenant'], /--tenant/],
    [['--tenant', 'General Hospital'], '--tenant must be a tenant slug'],
    [['--tenant='], '--tenant must be a tenant slug'],
    [['--from-store=yes'], /--from-store/],
    [['--since', '2026'], /--since/],
    [['general-hospital'], /general-hospital/],
  ])('refuses %j', (argv, message) => {
    const parse = () => parseRebuildArguments(argv);
    expect(parse).toThrow(RebuildUsageError);
    expect(parse).toThrow(message);
  });
});
