import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNumber } from './classification';

describe('classifyNumber: UK rejected prefix families', () => {
  it.each([
    ['+448001234567', 'tollFree', /freephone \(0800\)/],
    ['+448081570000', 'tollFree', /freephone \(0808\)/],
    ['+443001234567', 'national', /0300/],
    ['+448451234567', 'premium', /084x/],
    ['+448431234567', 'premium', /084x/],
    ['+448701234567', 'premium', /087x/],
    ['+449091234567', 'premium', /premium rate \(09\)/],
    ['+447400123456', 'mobile', /mobile \(07\)/],
    ['+447012345678', 'personal', /mobile \(07\)/],
  ])('%s is a valid %s number, not allowed (%s)', (input, type, reason) => {
    const result = classifyNumber(input, 'GB');
    expect(result).toMatchObject({
      input,
      e164: input,
      country: 'GB',
      valid: true,
      type,
      allowed: false,
    });
    expect(result.reason).toMatch(reason);
  });

  it('says why 0300 is refused although it is a national 03 number', () => {
    expect(classifyNumber('+443001234567', 'GB').reason).toBe(
      'UK 0300 number: a national 03 number by type, but the platform does not provide the 0300 range (03 numbers other than 0300 only).',
    );
  });
});

describe('classifyNumber: UK allowed numbers', () => {
  it.each([
    ['+442079460123', 'geographic'],
    ['+441134960000', 'geographic'],
    ['+443301234567', 'national'],
    ['+443451234567', 'national'],
    ['+443701234567', 'national'],
  ])('%s is an allowed %s number', (input, type) => {
    expect(classifyNumber(input, 'GB')).toMatchObject({
      e164: input,
      country: 'GB',
      valid: true,
      type,
      allowed: true,
    });
  });

  it('reads national and spaced forms with the site region', () => {
    for (const input of ['02079460123', '020 7946 0123', '+44 (0)20 7946 0123'])
      expect(classifyNumber(input, 'GB')).toMatchObject({
        input,
        e164: '+442079460123',
        allowed: true,
        reason: 'UK geographic number (01/02): the platform provides it.',
      });
  });
});

describe('classifyNumber: NANP', () => {
  it.each(['800', '833', '844', '855', '866', '877', '888'])('toll-free %s is refused', (code) => {
    const result = classifyNumber(`+1${code}5551234`, 'US');
    expect(result).toMatchObject({ valid: true, type: 'tollFree', allowed: false });
    expect(result.reason).toContain(`NANP toll-free (${code})`);
  });
  it('premium 900 is refused', () => {
    expect(classifyNumber('+19005551234', 'US')).toMatchObject({ type: 'premium', allowed: false });
    expect(classifyNumber('+19005551234', 'US').reason).toContain('NANP premium rate (900)');
  });
  it('a US local number is allowed at a US site and a Canadian one at a Canadian site', () => {
    expect(classifyNumber('+12125550123', 'US')).toMatchObject({
      country: 'US',
      type: 'geographic',
      allowed: true,
    });
    expect(classifyNumber('+16135550123', 'CA')).toMatchObject({ country: 'CA', allowed: true });
  });
});

describe('classifyNumber: country of the site', () => {
  it.each([
    ['+12125550123', 'GB', 'US'],
    ['+442079460123', 'US', 'GB'],
    ['+14165551234', 'US', 'CA'],
    ['+447624123456', 'GB', 'IM'],
  ])('%s at a %s site is refused as a number of %s', (input, region, country) => {
    const result = classifyNumber(input, region);
    expect(result).toMatchObject({ valid: true, country, allowed: false });
    expect(result.reason).toContain(`not of the site's country (${region})`);
  });
});

describe('classifyNumber: other regions', () => {
  it('allows a geographic number and refuses a mobile one in NL', () => {
    expect(classifyNumber('+31201234567', 'NL')).toMatchObject({
      type: 'geographic',
      allowed: true,
    });
    expect(classifyNumber('+31612345678', 'NL')).toMatchObject({ type: 'mobile', allowed: false });
  });
});

describe('classifyNumber: garbage', () => {
  it.each([
    ['garbage', null],
    ['', null],
    ['   ', null],
    ['+44', null],
    ['+442079', '+442079'],
    ['+44207946012345678', '+44207946012345678'],
  ])('%j is not valid and not allowed', (input, e164) => {
    const result = classifyNumber(input, 'GB');
    expect(result).toMatchObject({ input, valid: false, type: 'unknown', allowed: false });
    expect(result.e164).toBe(e164);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it('refuses any number when the site region is unknown, and says so', () => {
    const result = classifyNumber('+442079460123', 'XX');
    expect(result).toMatchObject({ valid: true, country: 'GB', allowed: false });
    expect(result.reason).toContain('"XX" is not a known site region');
    expect(classifyNumber('02079460123', 'XX')).toMatchObject({ e164: null, allowed: false });
  });

  it('never throws and never allows what is not valid, for any text and region', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/)),
        fc.oneof(fc.constantFrom('GB', 'US', 'XX', ''), fc.string({ maxLength: 3 })),
        (input, region) => {
          const result = classifyNumber(input, region);
          expect(result.input).toBe(input);
          expect(typeof result.reason).toBe('string');
          if (result.allowed) {
            expect(result.valid).toBe(true);
            expect(result.country).toBe(region);
            expect(['geographic', 'national']).toContain(result.type);
          }
          if (!result.valid) expect(result.type).toBe('unknown');
        },
      ),
    );
  });

  it('returns a copy each time, so a caller cannot corrupt later answers', () => {
    const first = classifyNumber('+442079460123', 'GB');
    first.allowed = false;
    expect(classifyNumber('+442079460123', 'GB').allowed).toBe(true);
  });
});
