import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, DOCUMENTATION_URL, type MenuFacts } from './menu.js';

function setup(overrides: Partial<MenuFacts> = {}) {
  const spies = { openUiInBrowser: vi.fn(), openExternal: vi.fn((_url: string) => undefined) };
  const result: MenuFacts = { platform: 'linux', isPackaged: true, ...spies, ...overrides };
  return { facts: result, ...spies };
}

/** Every item of the template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (template: MenuItemConstructorOptions[]) => items(template).map((item) => item.role);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('app menu', () => {
  it('has DevTools only in development builds', () => {
    expect(roles(buildMenuTemplate(setup({ isPackaged: true }).facts))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(setup({ isPackaged: false }).facts))).toContain('toggleDevTools');
  });

  it('has File → Open UI in Browser and Quit, and View → Reload', () => {
    const { facts, openUiInBrowser } = setup();
    const template = buildMenuTemplate(facts);
    const file = template.find((item) => item.label === 'File');
    click(items(template).find((item) => item.id === 'open-ui-in-browser'));
    expect(openUiInBrowser).toHaveBeenCalled();
    expect(roles(file?.submenu as MenuItemConstructorOptions[])).toContain('quit');
    expect(roles(template)).toContain('reload');
  });

  it('opens the https documentation from Help', () => {
    const { facts, openExternal } = setup();
    click(items(buildMenuTemplate(facts)).find((item) => item.id === 'documentation'));
    expect(DOCUMENTATION_URL.startsWith('https://')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith(DOCUMENTATION_URL);
  });

  it('follows macOS conventions: app menu first, Quit lives there', () => {
    const template = buildMenuTemplate(setup({ platform: 'darwin' }).facts);
    expect(template[0]?.role).toBe('appMenu');
    const file = template.find((item) => item.label === 'File');
    expect(roles(file?.submenu as MenuItemConstructorOptions[])).toContain('close');
  });
});
