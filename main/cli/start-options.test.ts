import { describe, expect, it } from 'vitest';
import { parseDemoConsole } from './start';

describe('dialtone start --demo-console', () => {
  it('takes a switch, a PTY path and an optional speed', () => {
    expect(parseDemoConsole('sw-2f-a=/tmp/sw-2f-a-console@38400')).toEqual({
      switch: 'sw-2f-a',
      path: '/tmp/sw-2f-a-console',
      baud: 38_400,
    });
    expect(parseDemoConsole('lon-sw-3f-a=/tmp/3f')).toEqual({
      switch: 'lon-sw-3f-a',
      path: '/tmp/3f',
    });
  });

  it('says what it takes when given something else', () => {
    for (const bad of ['sw-2f-a', 'sw-2f-a=relative/path', 'sw-2f-a=/tmp/x@fast', '=/tmp/x'])
      expect(parseDemoConsole(bad)).toMatch(/^--demo-console takes SWITCH=PATH\[@BAUD\]/);
  });
});
