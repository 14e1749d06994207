import { describe, expect, it } from 'vitest';
import { drillFromAddress } from '../../../src/ui/world/worldDrill';

const read = (query: string) => drillFromAddress(new URLSearchParams(query), 1);

describe('the drill of the address', () => {
  it('is absent without ?drill=', () => {
    expect(read('lang=en&view=world')).toBeUndefined();
  });

  it('reads the outbreak, the fever clinic, its triage rule and the surge', () => {
    expect(read('drill=measles&fever=1&feverTriage=1&surge=35')).toMatchObject({
      seed: 1,
      outbreak: 'measles',
      feverClinic: true,
      feverTriage: true,
      surgePeakPerHour: 35,
    });
    expect(read('drill=influenza')).toMatchObject({ outbreak: 'influenza', feverClinic: false, feverTriage: false, surgePeakPerHour: 20 });
  });

  it('names the parameter that is wrong', () => {
    expect(() => read('drill=plague')).toThrow('?drill=plague: expected one of influenza, norovirus, measles, novel');
    expect(() => read('drill=influenza&fever=yes')).toThrow('?fever=yes: expected 1 or 0');
    expect(() => read('drill=influenza&surge=999')).toThrow(/^\?surge=999: /);
    expect(() => read('drill=influenza&surge=lots')).toThrow(/^\?surge=lots: /);
  });
});
