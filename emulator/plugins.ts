// The engine's service plug-ins, started in this order after XSUAA and stopped in reverse.
// Simulated systems come before the proxy, which resolves `system:<id>` through them.
import type { ServicePlugin } from './core/plugin.js';
import { connectivityPlugin } from './connectivity/plugin.js';
import { destinationPlugin } from './destination/plugin.js';
import { systemsPlugin } from './systems/plugin.js';

export const PLUGINS: readonly ServicePlugin[] = [systemsPlugin, destinationPlugin, connectivityPlugin];
