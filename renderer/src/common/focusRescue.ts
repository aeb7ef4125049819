/**
 * Keeps keyboard focus on the page when the control that had it goes away. A step's action
 * often removes or replaces the button that did it ("Plug handset into 4F-001", "Sign off the
 * job", "Record exception"), a busy button is disabled while it works (Mantine's `loading`), and
 * a link can open another page: each time the browser drops focus on the page itself, where a
 * screen reader says nothing and Tab starts again from the top. This puts it back:
 * - a control disabled while busy gets focus again when it is enabled, if nothing else took it;
 * - a removed control hands focus to the nearest named region still on the page (the step's
 *   panel, a dialog, a form), or else to the page's own heading (a new screen).
 * Focus the user moved away (a click on the page, another window) is left alone.
 */
const REGION = 'section[aria-label], [role="region"], [role="dialog"], form, nav[aria-label]';

function focusWithoutScroll(element: HTMLElement) {
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex'))
    element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

export function installFocusRescue(doc: Document = document): () => void {
  let last: HTMLElement | null = null;
  /** `last`'s ancestors when it got focus, nearest first: they may be gone when it is. */
  let ancestors: HTMLElement[] = [];
  /** `last` lost focus by being disabled: it gets it back when enabled. */
  let busy = false;

  const forget = () => {
    last = null;
    ancestors = [];
    busy = false;
  };

  function rescue() {
    if (!last) return;
    // Disabled while it had focus: seen here even before the browser moves focus off it (it
    // may do so lazily, without a blur event), so that focus comes back when it is enabled.
    if (last.isConnected && last.matches(':disabled')) busy = true;
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return;
    if (last.isConnected) {
      // Busy: it comes back when enabled (the attribute change calls this again).
      if (busy && last.matches(':disabled')) return;
      const back = busy ? last : null;
      // Else still there and usable, yet nothing has focus: the user put focus elsewhere.
      forget();
      back?.focus({ preventScroll: true });
      return;
    }
    const main = doc.querySelector('main');
    const region = ancestors.find(
      (element) => element.isConnected && (element === main || element.matches(REGION)),
    );
    const target =
      region && region !== main
        ? region
        : ((main ?? doc.body).querySelector<HTMLElement>('h1') ?? main ?? null);
    forget();
    if (target) focusWithoutScroll(target);
  }

  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLElement)) return;
    last = event.target;
    busy = false;
    ancestors = [];
    for (let parent = last.parentElement; parent; parent = parent.parentElement)
      ancestors.push(parent);
  };
  // Once the blur is over, see where focus went (nowhere, because disabled or removed?).
  const onFocusOut = () => void setTimeout(rescue, 0);
  const observer = new MutationObserver(rescue);
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', onFocusOut);
  };
}
