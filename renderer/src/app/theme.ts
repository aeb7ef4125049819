import {
  DEFAULT_THEME,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
} from '@mantine/core';

/**
 * Mantine's defaults fail WCAG AA (4.5:1) in places (issue 16): the primary indigo-6 carries
 * white text at 4.3:1, the dimmed grey-6 is 3.3:1 on white, and "light" badges put shade 9 on
 * shade 1 (teal 4.3:1, orange 3.6:1). The look stays Mantine's: one step darker primary, and each
 * colour darkened only as far as it must be to read.
 */
export const MIN_CONTRAST = 4.5;

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `text`, darkened in small steps until it reads on `background`. */
export function readableOn(text: string, background: string): string {
  let colour = text;
  for (let step = 1; contrastRatio(colour, background) < MIN_CONTRAST && step <= 20; step++)
    colour = darken(text, step * 0.05);
  return colour;
}

const WHITE = DEFAULT_THEME.white;
const PRIMARY_SHADE = 7;
const gray = DEFAULT_THEME.colors.gray;
/** An outline button hovered inside a hovered table row: 5 % of indigo over gray 1 (measured by axe). */
const OUTLINE_HOVER_ON_HOVERED_ROW = '#e8ecf5';

/** Dimmed text stays readable on white, striped rows (gray 0) and hovered rows (gray 1). */
export const DIMMED = readableOn(readableOn(gray[6], gray[1]), gray[0]);

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: PRIMARY_SHADE, dark: 8 },
  defaultRadius: 'md',
});

/** Per colour: filled and outline shades that carry white text, light-variant text on its tint. */
function readableColourVariables(): Record<string, string> {
  // Links sit on white and on every alert's tint (shade 1 of its colour).
  const tints = Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark')
    .map(([, shades]) => shades[1]);
  const anchor = tints.reduce(
    (colour, tint) => readableOn(colour, tint),
    DEFAULT_THEME.colors.indigo[PRIMARY_SHADE],
  );
  const variables: Record<string, string> = {
    '--mantine-color-dimmed': DIMMED,
    '--mantine-color-anchor': anchor,
  };
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark') continue;
    const filled = shades.slice(PRIMARY_SHADE).find((s) => contrastRatio(WHITE, s) >= MIN_CONTRAST);
    const solid = filled ?? readableOn(shades[9], WHITE);
    variables[`--mantine-color-${name}-filled`] = solid;
    variables[`--mantine-color-${name}-filled-hover`] = darken(solid, 0.1);
    // Outline text stays readable where an outline button is hovered (its tint, a hovered row).
    variables[`--mantine-color-${name}-outline`] = readableOn(
      readableOn(solid, shades[1]),
      OUTLINE_HOVER_ON_HOVERED_ROW,
    );
    // Light text on its tint, and on the darker tint of a hovered light button or active nav link.
    variables[`--mantine-color-${name}-light-color`] = readableOn(
      readableOn(shades[9], shades[1]),
      shades[2],
    );
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: readableColourVariables(),
  dark: {},
});
