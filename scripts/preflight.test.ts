import { describe, expect, it } from 'vitest';
import {
  formatLine,
  runPreflight,
  type Os,
  type PreflightInstallers,
  type PreflightLine,
  type PreflightProbes,
} from './preflight';

const debian: Os = { kind: 'linux', distro: 'debian', wsl: false };
const ubuntu: Os = { kind: 'linux', distro: 'ubuntu', wsl: false };

/** A pretend machine: programs on PATH, and installers that really put them there. */
function machine(options: {
  os: Os;
  isRoot?: boolean;
  onPath?: string[];
  playwrightChromium?: boolean;
  netmiko?: boolean;
  aptWorks?: boolean;
  playwrightWorks?: boolean;
}) {
  const onPath = new Set(options.onPath ?? []);
  let ownChromium = options.playwrightChromium ?? false;
  const calls: string[] = [];
  const aptProvides: Record<string, string> = {
    chromium: 'chromium',
    socat: 'socat',
    'poppler-utils': 'pdftoppm',
  };
  const probes: PreflightProbes = {
    os: options.os,
    isRoot: options.isRoot ?? false,
    which: (program) => (onPath.has(program) ? `/usr/bin/${program}` : undefined),
    playwrightChromium: () => (ownChromium ? '/home/u/.cache/ms-playwright/chrome' : undefined),
    installedBrowsers: () => [],
    netmikoPython: () => (options.netmiko ? '/usr/bin/python3' : undefined),
  };
  const installers: PreflightInstallers = {
    apt: (packages) => {
      calls.push(`apt ${packages.join(' ')}`);
      if (options.aptWorks ?? true)
        for (const pkg of packages) if (aptProvides[pkg]) onPath.add(aptProvides[pkg]);
      return Promise.resolve(options.aptWorks ?? true);
    },
    playwrightChromium: () => {
      calls.push('playwright');
      if (options.playwrightWorks) ownChromium = true;
      return Promise.resolve(options.playwrightWorks ?? false);
    },
  };
  return { probes, installers, calls };
}

const texts = (lines: PreflightLine[]) => lines.map(formatLine);

describe('the preflight of npm test', () => {
  it('finds everything already there and installs nothing', async () => {
    const m = machine({ os: debian, onPath: ['chromium', 'socat', 'pdftoppm'], netmiko: true });
    const result = await runPreflight(m.probes, m.installers);
    expect(result.ok).toBe(true);
    expect(m.calls).toEqual([]);
    expect(texts(result.lines)).toEqual([
      'found      Chromium for Playwright: /usr/bin/chromium',
      'found      socat: /usr/bin/socat',
      'found      pdftoppm: /usr/bin/pdftoppm',
      'found      Netmiko for Python: /usr/bin/python3',
    ]);
    expect(result.paths['Chromium for Playwright']).toBe('/usr/bin/chromium');
  });

  it("prefers Playwright's own Chromium where it was downloaded", async () => {
    const m = machine({
      os: debian,
      onPath: ['chromium', 'socat', 'pdftoppm'],
      playwrightChromium: true,
    });
    const result = await runPreflight(m.probes, m.installers);
    expect(result.paths['Chromium for Playwright']).toBe('/home/u/.cache/ms-playwright/chrome');
  });

  it('as root on Debian installs everything missing with one apt-get run', async () => {
    const m = machine({ os: debian, isRoot: true, onPath: ['pdftoppm'] });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual(['apt chromium fonts-liberation socat']);
    expect(result.ok).toBe(true);
    expect(texts(result.lines).slice(0, 2)).toEqual([
      'installed  Chromium for Playwright: /usr/bin/chromium (apt-get install chromium fonts-liberation)',
      'installed  socat: /usr/bin/socat (apt-get install socat)',
    ]);
  });

  it('reports a missing Netmiko without installing it or failing', async () => {
    const m = machine({ os: debian, isRoot: true, onPath: ['chromium', 'socat', 'pdftoppm'] });
    const result = await runPreflight(m.probes, m.installers);
    expect(result.ok).toBe(true);
    expect(m.calls).toEqual([]);
    expect(formatLine(result.lines[3]!)).toBe(
      'not found  Netmiko for Python (the serial-apply benchmark only; no test needs it): sudo apt-get install -y python3-netmiko',
    );
  });

  it('on Ubuntu as root takes Chromium from Playwright, the rest from apt', async () => {
    const m = machine({ os: ubuntu, isRoot: true, onPath: ['pdftoppm'], playwrightWorks: true });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual(['apt socat', 'playwright']);
    expect(result.ok).toBe(true);
    expect(formatLine(result.lines[0]!)).toBe(
      'installed  Chromium for Playwright: /home/u/.cache/ms-playwright/chrome (npx playwright install chromium)',
    );
  });

  it('without root stops with the one command per missing thing', async () => {
    const m = machine({ os: debian, onPath: ['chromium'] });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual([]);
    expect(result.ok).toBe(false);
    expect(texts(result.lines).slice(1, 3)).toEqual([
      'missing    socat for the serial console tests over a pseudo-terminal — fix: sudo apt-get install -y socat',
      'missing    pdftoppm for the job report test (renders the PDF to check it) — fix: sudo apt-get install -y poppler-utils',
    ]);
  });

  it('says what was tried when an install did not work', async () => {
    const m = machine({ os: debian, isRoot: true, onPath: ['socat', 'pdftoppm'], aptWorks: false });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual(['apt chromium fonts-liberation', 'playwright']);
    expect(result.ok).toBe(false);
    expect(formatLine(result.lines[0]!)).toBe(
      'missing    Chromium for Playwright for the end-to-end tests; apt-get install chromium fonts-liberation, then npx playwright install chromium did not work — fix: sudo apt-get install -y chromium',
    );
  });

  it('on macOS downloads Playwright’s Chromium and names brew for the rest', async () => {
    const m = machine({ os: { kind: 'macos' }, isRoot: true, playwrightWorks: true });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual(['playwright']);
    expect(result.ok).toBe(false);
    expect(texts(result.lines)).toEqual([
      'installed  Chromium for Playwright: /home/u/.cache/ms-playwright/chrome (npx playwright install chromium)',
      'missing    socat for the serial console tests over a pseudo-terminal — fix: brew install socat',
      'missing    pdftoppm for the job report test (renders the PDF to check it) — fix: brew install poppler',
      'not found  Netmiko for Python (the serial-apply benchmark only; no test needs it): python3 -m pip install netmiko',
    ]);
  });

  it('on Windows sends the PTY tests to WSL and names the commands', async () => {
    const m = machine({ os: { kind: 'windows' } });
    const result = await runPreflight(m.probes, m.installers);
    expect(result.ok).toBe(false);
    expect(texts(result.lines).slice(0, 3)).toEqual([
      'missing    Chromium for Playwright for the end-to-end tests; npx playwright install chromium did not work — fix: npx playwright install chromium',
      'missing    socat for the serial console tests over a pseudo-terminal — fix: run npm test inside WSL (wsl --install -d Ubuntu), where the preflight installs socat',
      'missing    pdftoppm for the job report test (renders the PDF to check it) — fix: choco install poppler',
    ]);
  });

  it('on other Linux distributions points at the package manager', async () => {
    const m = machine({
      os: { kind: 'linux', distro: 'other', wsl: false },
      isRoot: true,
      onPath: ['chromium', 'pdftoppm'],
    });
    const result = await runPreflight(m.probes, m.installers);
    expect(m.calls).toEqual([]);
    expect(formatLine(result.lines[1]!)).toContain('fix: install socat with your package manager');
  });
});
