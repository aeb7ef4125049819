import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerminalScreen } from './terminal-screen';

const ESC = String.fromCharCode(27);

describe('terminal screen', () => {
  it('lets the IOS pager erase itself with backspaces', () => {
    const screen = new TerminalScreen();
    screen.feed('row 1\r\n --More-- ');
    screen.feed('\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) + 'row 2\r\n');
    expect(screen.lines).toEqual(['row 1', 'row 2']);
  });

  it('drops colour, cursor and screen escapes and applies erase-line', () => {
    const screen = new TerminalScreen();
    screen.feed(`${ESC}[1;24r${ESC}[24;1H${ESC}[2J${ESC}[?25lBanner${ESC}[0m\r\n`);
    screen.feed(`-- MORE --, next page: Space${ESC}[2K\rHC-4F-A# `);
    expect(screen.lines).toEqual(['Banner']);
    expect(screen.partial).toBe('HC-4F-A# ');
  });

  it('copes with escape sequences split across chunks', () => {
    const screen = new TerminalScreen();
    for (const chunk of [`a${ESC}`, '[3', '1mb', `${ESC}`, '[0mc\r', '\n']) screen.feed(chunk);
    expect(screen.lines).toEqual(['abc']);
  });

  it('never throws and never shows a control character, whatever arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (chunks) => {
        const screen = new TerminalScreen();
        for (const chunk of chunks) screen.feed(chunk);
        // eslint-disable-next-line no-control-regex
        expect(screen.text()).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\uffff]/);
      }),
    );
  });
});
