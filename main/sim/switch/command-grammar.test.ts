import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandGrammar } from './command-grammar';

const grammar = new CommandGrammar<string>()
  .add('show version', 'version')
  .add('show vlan', 'vlan')
  .add('switchport access vlan <1-4094>', 'access')
  .add('description <line>', 'description')
  .add('shutdown', 'shutdown');

describe('command grammar', () => {
  it('accepts any unique keyword prefix, as IOS does', () => {
    expect(grammar.parse('sho ver')).toEqual({ kind: 'command', handler: 'version', args: [] });
    expect(grammar.parse('SWITCHPORT acc vl 20')).toEqual({
      kind: 'command',
      handler: 'access',
      args: ['20'],
    });
  });

  it('reports a prefix that fits two keywords as ambiguous', () => {
    expect(grammar.parse('sh ver')).toEqual({ kind: 'ambiguous', token: 'sh' });
    expect(grammar.parse('show v')).toEqual({ kind: 'ambiguous', token: 'v' });
  });

  it('reports a command that stops early as incomplete', () => {
    expect(grammar.parse('switchport access')).toEqual({ kind: 'incomplete' });
  });

  it('names the column of the first word it cannot take', () => {
    expect(grammar.parse('show versoin')).toEqual({ kind: 'invalid', column: 5, token: 'versoin' });
    expect(grammar.parse('switchport access vlan 5000')).toMatchObject({
      kind: 'invalid',
      column: 23,
    });
  });

  it('hands the rest of the line to a <line> parameter', () => {
    expect(grammar.parse('description Desk 3.12  phone')).toEqual({
      kind: 'command',
      handler: 'description',
      args: ['Desk 3.12  phone'],
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        expect(['command', 'empty', 'invalid', 'incomplete', 'ambiguous']).toContain(
          grammar.parse(line).kind,
        );
      }),
    );
  });
});
