/**
 * The start of `npm test`: finds what the suite needs outside node_modules (a Chromium for
 * Playwright, socat for the PTY tests, pdftoppm for the job report test), installs what it
 * safely can (apt-get as root on Debian/Ubuntu; Playwright's own Chromium where it can
 * download), and otherwise says, per missing thing, the one command that fixes it on this OS.
 * Netmiko is only looked for and reported: the benchmarks use it, the tests never do.
 */

export type Os =
  | { kind: 'linux'; distro: 'debian' | 'ubuntu' | 'other'; wsl: boolean }
  | { kind: 'macos' }
  | { kind: 'windows' };

export interface PreflightProbes {
  os: Os;
  isRoot: boolean;
  /** Full path of a program on PATH, if there is one. */
  which(program: string): string | undefined;
  /** Playwright's own Chromium, if it was downloaded. */
  playwrightChromium(): string | undefined;
  /** Chrome or Chromium installed outside PATH (macOS app bundles, Windows Program Files). */
  installedBrowsers(): string[];
  /** A Python that imports netmiko, if any. */
  netmikoPython(): string | undefined;
}

export interface PreflightInstallers {
  /** `apt-get update` once, then `apt-get install -y` of all the packages; true when it worked. */
  apt(packages: string[]): Promise<boolean>;
  /** `npx playwright install chromium`; true when it worked. */
  playwrightChromium(): Promise<boolean>;
}

export interface Need {
  name: string;
  /** What the suite uses it for. */
  purpose: string;
  /** Not needed by any test: looked for and reported, never installed or required. */
  reportOnly?: boolean;
  find(probes: PreflightProbes): string | undefined;
  /** The apt package on Debian/Ubuntu, when apt is the way to install it there. */
  apt?(os: Os & { kind: 'linux' }): string[] | undefined;
  /** Playwright can download it (no root needed). */
  playwright?: boolean;
  /** The one command that fixes it by hand on this OS. */
  fix(os: Os): string;
}

const SYSTEM_CHROMIUMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function aptCommand(os: Os & { kind: 'linux' }, pkg: string, other: string): string {
  return os.distro === 'other' ? other : `sudo apt-get install -y ${pkg}`;
}

export const NEEDS: Need[] = [
  {
    name: 'Chromium for Playwright',
    purpose: 'the end-to-end tests',
    find: (probes) =>
      probes.playwrightChromium() ??
      SYSTEM_CHROMIUMS.map((name) => probes.which(name)).find(Boolean) ??
      probes.installedBrowsers()[0],
    // Debian's own Chromium works with Playwright; Ubuntu's apt package is only a snap stub.
    apt: (os) => (os.distro === 'debian' ? ['chromium', 'fonts-liberation'] : undefined),
    playwright: true,
    fix: (os) =>
      os.kind === 'linux' && os.distro === 'debian'
        ? 'sudo apt-get install -y chromium'
        : os.kind === 'linux'
          ? 'sudo npx playwright install --with-deps chromium'
          : 'npx playwright install chromium',
  },
  {
    name: 'socat',
    purpose: 'the serial console tests over a pseudo-terminal',
    find: (probes) => probes.which('socat'),
    apt: () => ['socat'],
    fix: (os) =>
      os.kind === 'macos'
        ? 'brew install socat'
        : os.kind === 'windows'
          ? 'run npm test inside WSL (wsl --install -d Ubuntu), where the preflight installs socat'
          : aptCommand(
              os,
              'socat',
              'install socat with your package manager (e.g. sudo dnf install socat)',
            ),
  },
  {
    name: 'pdftoppm',
    purpose: 'the job report test (renders the PDF to check it)',
    find: (probes) => probes.which('pdftoppm'),
    apt: () => ['poppler-utils'],
    fix: (os) =>
      os.kind === 'macos'
        ? 'brew install poppler'
        : os.kind === 'windows'
          ? 'choco install poppler'
          : aptCommand(
              os,
              'poppler-utils',
              'install poppler-utils with your package manager (e.g. sudo dnf install poppler-utils)',
            ),
  },
  {
    name: 'Netmiko for Python',
    purpose: 'the serial-apply benchmark only; no test needs it',
    reportOnly: true,
    find: (probes) => probes.netmikoPython(),
    fix: (os) =>
      os.kind === 'linux' && os.distro !== 'other'
        ? 'sudo apt-get install -y python3-netmiko'
        : 'python3 -m pip install netmiko',
  },
];

export interface PreflightLine {
  status: 'found' | 'installed' | 'missing' | 'not found';
  text: string;
}

export interface PreflightResult {
  /** False when a need of the tests is still missing: npm test stops, exit 1. */
  ok: boolean;
  /** One line per need, for the log and the summary. */
  lines: PreflightLine[];
  /** Where each found need is (name → path), e.g. the Chromium for Playwright. */
  paths: Record<string, string>;
}

const canUseApt = (
  probes: PreflightProbes,
): probes is PreflightProbes & { os: Os & { kind: 'linux' } } =>
  probes.os.kind === 'linux' && probes.os.distro !== 'other' && probes.isRoot;

/** Finds every need, installs what it safely can, and says what is still missing and how to fix it. */
export async function runPreflight(
  probes: PreflightProbes,
  installers: PreflightInstallers,
  needs: Need[] = NEEDS,
): Promise<PreflightResult> {
  const before = new Map(needs.map((need) => [need, need.find(probes)]));
  const missing = needs.filter((need) => !need.reportOnly && before.get(need) === undefined);
  const how = new Map<Need, string>();

  const linux = canUseApt(probes) ? probes.os : undefined;
  const aptPackages = linux
    ? missing.flatMap((need) => {
        const packages = need.apt?.(linux) ?? [];
        if (packages.length > 0) how.set(need, `apt-get install ${packages.join(' ')}`);
        return packages;
      })
    : [];
  if (aptPackages.length > 0) await installers.apt(aptPackages);

  for (const need of missing) {
    if (!need.playwright || need.find(probes) !== undefined) continue;
    how.set(
      need,
      [how.get(need), 'npx playwright install chromium'].filter(Boolean).join(', then '),
    );
    await installers.playwrightChromium();
  }

  const lines: PreflightLine[] = [];
  const paths: Record<string, string> = {};
  let ok = true;
  for (const need of needs) {
    const found = need.find(probes);
    if (found !== undefined) {
      paths[need.name] = found;
      const installed = before.get(need) === undefined;
      lines.push({
        status: installed ? 'installed' : 'found',
        text: installed ? `${need.name}: ${found} (${how.get(need)})` : `${need.name}: ${found}`,
      });
    } else if (need.reportOnly) {
      lines.push({
        status: 'not found',
        text: `${need.name} (${need.purpose}): ${need.fix(probes.os)}`,
      });
    } else {
      ok = false;
      const tried = how.has(need) ? `; ${how.get(need)} did not work` : '';
      lines.push({
        status: 'missing',
        text: `${need.name} for ${need.purpose}${tried} — fix: ${need.fix(probes.os)}`,
      });
    }
  }
  return { ok, lines, paths };
}

export function formatLine(line: PreflightLine): string {
  return `${line.status.padEnd(9)}  ${line.text}`;
}
