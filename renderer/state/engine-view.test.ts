import { describe, expect, it } from 'vitest';
import { AT, engineStatus, service, statusEvent } from '../test/engine-fixtures.js';
import { INITIAL_VIEW, reduceEngineEvent, type EngineView } from './engine-view.js';

const loaded: EngineView = reduceEngineEvent(INITIAL_VIEW, statusEvent());

describe('reduceEngineEvent', () => {
  it('replaces only the matching service and keeps the order', () => {
    const view = reduceEngineEvent(loaded, {
      type: 'service-state',
      at: AT,
      service: service('proxy', { state: 'stopped' }),
    });
    expect(view.status?.services.map((s) => `${s.id}:${s.state}`)).toEqual([
      'admin:running',
      'xsuaa:running',
      'xsuaaTls:running',
      'destination:running',
      'proxy:stopped',
      'socks5:running',
    ]);
  });

  it('appends a service the snapshot did not know yet', () => {
    const view = reduceEngineEvent(
      reduceEngineEvent(INITIAL_VIEW, statusEvent(engineStatus({ services: [] }))),
      {
        type: 'service-state',
        at: AT,
        service: service('xsuaa'),
      },
    );
    expect(view.status?.services.map((s) => s.id)).toEqual(['xsuaa']);
  });

  it('ignores patches that arrive before any snapshot', () => {
    expect(
      reduceEngineEvent(INITIAL_VIEW, { type: 'service-state', at: AT, service: service('admin') }),
    ).toBe(INITIAL_VIEW);
  });

  it('clears the stopping flag when a new snapshot arrives', () => {
    const stopping = reduceEngineEvent(loaded, { type: 'engine-stopping', at: AT });
    expect(stopping.stopping).toBe(true);
    expect(reduceEngineEvent(stopping, statusEvent()).stopping).toBe(false);
  });

  it('returns the same view for events that do not change the engine, so nothing re-renders', () => {
    expect(reduceEngineEvent(loaded, { type: 'log', at: AT, level: 'info', message: 'hi' })).toBe(loaded);
  });
});
