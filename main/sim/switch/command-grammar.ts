/**
 * A switch CLI's command grammar: keyword paths with typed parameters, matched the way
 * IOS and AOS-S match them (any unique keyword prefix, case-insensitive), so typing errors
 * come back as the real switch reports them: invalid at a position, incomplete, ambiguous.
 */

export interface Token {
  text: string;
  /** Column of the token's first character within the typed line. */
  start: number;
}

/** A parameter's parser: how many tokens it takes from `tokens[index]` on, and the value. */
export type ParameterMatcher = (
  tokens: Token[],
  index: number,
  line: string,
) => { consumed: number; value: string } | null;

export interface CommandMatch<Handler> {
  kind: 'command';
  handler: Handler;
  /** Parameter values in pattern order. */
  args: string[];
}

export type CommandParseResult<Handler> =
  | CommandMatch<Handler>
  | { kind: 'empty' }
  | { kind: 'invalid'; column: number; token: string }
  | { kind: 'incomplete' }
  | { kind: 'ambiguous'; token: string };

interface GrammarNode<Handler> {
  keywords: Map<string, GrammarNode<Handler>>;
  parameters: { name: string; node: GrammarNode<Handler> }[];
  handler?: Handler;
}

function newNode<Handler>(): GrammarNode<Handler> {
  return { keywords: new Map(), parameters: [] };
}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"[^"]*"?|\S+/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line))
    tokens.push({ text: match[0], start: match.index });
  return tokens;
}

const rangePattern = /^<(\d+)-(\d+)>$/;

export class CommandGrammar<Handler> {
  private readonly root = newNode<Handler>();

  constructor(private readonly parameterTypes: Record<string, ParameterMatcher> = {}) {}

  /** Adds a command, e.g. `switchport access vlan <1-4094>` or `description <line>`. */
  add(pattern: string, handler: Handler): this {
    let node = this.root;
    for (const part of pattern.split(' ')) {
      if (part.startsWith('<')) {
        let entry = node.parameters.find((p) => p.name === part);
        if (!entry) {
          entry = { name: part, node: newNode() };
          node.parameters.push(entry);
        }
        node = entry.node;
      } else {
        let next = node.keywords.get(part);
        if (!next) {
          next = newNode();
          node.keywords.set(part, next);
        }
        node = next;
      }
    }
    node.handler = handler;
    return this;
  }

  parse(line: string): CommandParseResult<Handler> {
    const tokens = tokenize(line);
    if (tokens.length === 0) return { kind: 'empty' };
    let node = this.root;
    const args: string[] = [];
    let index = 0;
    while (index < tokens.length) {
      const token = tokens[index]!;
      const word = token.text.toLowerCase();
      const exact = node.keywords.get(word);
      const prefixed = exact
        ? [[word, exact] as const]
        : [...node.keywords.entries()].filter(([keyword]) => keyword.startsWith(word));
      if (prefixed.length > 1) return { kind: 'ambiguous', token: token.text };
      if (prefixed.length === 1) {
        node = prefixed[0]![1];
        index += 1;
        continue;
      }
      const parameter = this.matchParameter(node, tokens, index, line);
      if (!parameter) return { kind: 'invalid', column: token.start, token: token.text };
      args.push(parameter.value);
      node = parameter.node;
      index += parameter.consumed;
    }
    if (node.handler === undefined) return { kind: 'incomplete' };
    return { kind: 'command', handler: node.handler, args };
  }

  private matchParameter(
    node: GrammarNode<Handler>,
    tokens: Token[],
    index: number,
    line: string,
  ): { consumed: number; value: string; node: GrammarNode<Handler> } | null {
    for (const { name, node: next } of node.parameters) {
      const matched = this.matchOne(name, tokens, index, line);
      if (matched) return { ...matched, node: next };
    }
    return null;
  }

  private matchOne(
    name: string,
    tokens: Token[],
    index: number,
    line: string,
  ): { consumed: number; value: string } | null {
    const token = tokens[index]!;
    const range = rangePattern.exec(name);
    if (range) {
      if (!/^\d+$/.test(token.text)) return null;
      const value = Number(token.text);
      return value >= Number(range[1]) && value <= Number(range[2])
        ? { consumed: 1, value: token.text }
        : null;
    }
    if (name === '<line>')
      return { consumed: tokens.length - index, value: line.slice(token.start).trimEnd() };
    if (name === '<word>') return { consumed: 1, value: token.text };
    const custom = this.parameterTypes[name];
    if (!custom) throw new Error(`grammar parameter ${name} has no matcher`);
    return custom(tokens, index, line);
  }
}
