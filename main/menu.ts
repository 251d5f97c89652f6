// The application menu as data: built from a few facts and actions so tests can read it without Electron.
import type { MenuItemConstructorOptions } from 'electron';

/** Help → Documentation. https only, like every link that leaves the app. */
export const DOCUMENTATION_URL = 'https://help.sap.com/docs/connectivity';

export interface MenuFacts {
  platform: NodeJS.Platform;
  /** DevTools are for development builds only: in a release they are an easy way around the CSP. */
  isPackaged: boolean;
  openUiInBrowser(): void;
  openExternal(url: string): void;
}

export function buildMenuTemplate(facts: MenuFacts): MenuItemConstructorOptions[] {
  const isMac = facts.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(facts.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { id: 'open-ui-in-browser', label: 'Open UI in Browser', click: () => facts.openUiInBrowser() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Without the Edit roles, copy and paste shortcuts do nothing in text fields on macOS.
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { id: 'documentation', label: 'Documentation', click: () => facts.openExternal(DOCUMENTATION_URL) },
      ],
    },
  ];
}
