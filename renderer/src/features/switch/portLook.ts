import type { PortFacts } from '../../../../shared/switch/facts';

/** How a port is drawn: a word, a shape and a colour for each state, never colour alone. */
export function portLook(port: PortFacts): {
  word: string;
  shape: string;
  colour: string;
  outline: boolean;
} {
  if (port.link === 'disabled') return { word: 'Off', shape: '⊘', colour: 'gray', outline: true };
  if (port.link === 'down') return { word: 'Down', shape: '○', colour: 'gray', outline: false };
  if (port.poe.state === 'delivering')
    return { word: 'Up', shape: '⚡', colour: 'teal', outline: false };
  return { word: 'Up', shape: '●', colour: 'green', outline: false };
}

export function poeWords(poe: PortFacts['poe']): string {
  switch (poe.state) {
    case 'delivering':
      return poe.watts === null ? 'PoE delivering' : `PoE delivering ${poe.watts} W`;
    case 'searching':
      return 'PoE searching';
    case 'disabled':
      return 'PoE disabled';
    case 'fault':
      return 'PoE fault / denied';
    case 'none':
      return 'no PoE';
  }
}

/** "Down · 40 s ago" */
export function ageOf(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}
