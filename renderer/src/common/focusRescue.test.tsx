import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFocusRescue } from './focusRescue';

let uninstall: () => void;
beforeEach(() => {
  uninstall = installFocusRescue(document);
});
afterEach(() => uninstall());

/** A step's panel whose action replaces the button, and a page whose link swaps the screen. */
function Page({ blurWhenDisabled = true }: { blurWhenDisabled?: boolean }) {
  const [plugged, setPlugged] = useState(false);
  const [screenShown, setScreen] = useState<'step' | 'report'>('step');
  const [busy, setBusy] = useState(false);
  return (
    <main>
      {screenShown === 'step' ? (
        <>
          <h1>Hudson Ventures</h1>
          <section aria-label="Cabling">
            {plugged ? (
              <p>Seen on 4F-001</p>
            ) : (
              <button type="button" onClick={() => setPlugged(true)}>
                Plug handset into 4F-001
              </button>
            )}
          </section>
          <button
            type="button"
            disabled={busy}
            onClick={(event) => {
              // As Chromium does (jsdom does not): a focused control that is disabled loses focus.
              if (blurWhenDisabled) event.currentTarget.blur();
              setBusy(true);
            }}
          >
            Apply
          </button>
          <button type="button" onClick={() => setBusy(false)}>
            Finish applying
          </button>
          <button type="button" onClick={() => setScreen('report')}>
            Open the report
          </button>
        </>
      ) : (
        <h1>Installation report</h1>
      )}
    </main>
  );
}

describe('focus rescue', () => {
  it('a removed control hands focus to its named region', async () => {
    render(<Page />);
    const plug = screen.getByRole('button', { name: 'Plug handset into 4F-001' });
    plug.focus();
    fireEvent.click(plug);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region')));
    expect(screen.getByRole('region')).toHaveProperty('tabIndex', -1);
  });

  it('a new screen puts focus on its heading', async () => {
    render(<Page />);
    const open = screen.getByRole('button', { name: 'Open the report' });
    open.focus();
    fireEvent.click(open);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Installation report' }),
      ),
    );
  });

  it('a button disabled while busy gets focus back when it is enabled', async () => {
    render(<Page />);
    const apply = screen.getByRole('button', { name: 'Apply' });
    apply.focus();
    fireEvent.click(apply);
    await waitFor(() => expect(apply).toHaveProperty('disabled', true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(document.body);
    // The work finishes (here by a button the test presses without focusing it).
    fireEvent.click(screen.getByRole('button', { name: 'Finish applying' }));
    await waitFor(() => expect(document.activeElement).toBe(apply));
  });

  it('also when the browser drops focus from the disabled button later, without a blur event', async () => {
    render(<Page blurWhenDisabled={false} />);
    const apply = screen.getByRole('button', { name: 'Apply' });
    apply.focus();
    fireEvent.click(apply);
    await waitFor(() => expect(apply).toHaveProperty('disabled', true));
    // Chromium's focus fixup: activeElement is the page now, and no event said so.
    const activeElement = vi.spyOn(document, 'activeElement', 'get').mockReturnValue(document.body);
    const focus = vi.spyOn(apply, 'focus');
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Finish applying' }));
      await waitFor(() => expect(focus).toHaveBeenCalled());
    } finally {
      activeElement.mockRestore();
    }
  });

  it('leaves focus alone where the user took it off the page, even if the control then goes', async () => {
    render(<Page />);
    const plug = screen.getByRole('button', { name: 'Plug handset into 4F-001' });
    plug.focus();
    plug.blur();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(plug);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(document.body);
  });
});
