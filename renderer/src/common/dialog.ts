/**
 * Attributes for every Mantine Modal: its header is a `<header>` element, which outside the
 * page's own header (a modal is portalled to the body) counts as a second banner landmark.
 * Inside a dialog it is only the dialog's title bar, so it is given no landmark role.
 */
export const DIALOG_ATTRIBUTES = { header: { role: 'presentation' } } as const;
