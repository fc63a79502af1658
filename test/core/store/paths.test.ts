import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths, reviewLogPath } from '../../../src/core/store/paths.js';
import { StoreError } from '../../../src/core/store/review-log.js';

const HOME = '/home/ada';

describe('resolvePaths', () => {
  it('puts everything under PREP_HOME when it is set, even if XDG vars are set too', () => {
    const p = resolvePaths({ PREP_HOME: '/tmp/prep-x', XDG_DATA_HOME: '/xdg/data', XDG_CONFIG_HOME: '/xdg/config' }, HOME);
    expect(p).toEqual({
      dataDir: '/tmp/prep-x',
      configDir: '/tmp/prep-x',
      decksDir: '/tmp/prep-x/decks',
      logsDir: '/tmp/prep-x/logs',
      cacheDir: '/tmp/prep-x/cache',
    });
  });

  it('makes a relative PREP_HOME absolute', () => {
    expect(resolvePaths({ PREP_HOME: 'here' }, HOME).dataDir).toBe(path.resolve('here'));
  });

  it('uses the XDG base directories when they are absolute', () => {
    const p = resolvePaths({ XDG_DATA_HOME: '/xdg/data', XDG_CONFIG_HOME: '/xdg/config', XDG_CACHE_HOME: '/xdg/cache' }, HOME);
    expect(p).toEqual({
      dataDir: '/xdg/data/prep',
      configDir: '/xdg/config/prep',
      decksDir: '/xdg/config/prep/decks',
      logsDir: '/xdg/data/prep/logs',
      cacheDir: '/xdg/cache/prep',
    });
  });

  it('falls back to ~/.local/share, ~/.config and ~/.cache', () => {
    expect(resolvePaths({}, HOME)).toEqual({
      dataDir: '/home/ada/.local/share/prep',
      configDir: '/home/ada/.config/prep',
      decksDir: '/home/ada/.config/prep/decks',
      logsDir: '/home/ada/.local/share/prep/logs',
      cacheDir: '/home/ada/.cache/prep',
    });
  });

  it('ignores relative and empty XDG values, as the XDG spec says', () => {
    const p = resolvePaths({ XDG_DATA_HOME: 'data', XDG_CONFIG_HOME: './config', XDG_CACHE_HOME: '', PREP_HOME: '' }, HOME);
    expect(p.dataDir).toBe('/home/ada/.local/share/prep');
    expect(p.configDir).toBe('/home/ada/.config/prep');
    expect(p.cacheDir).toBe('/home/ada/.cache/prep');
  });
});

describe('reviewLogPath', () => {
  it('names the log after the deck', () => {
    expect(reviewLogPath('/d/logs', 'coder')).toBe('/d/logs/coder.jsonl');
    // Dots inside a name are fine: only the names that mean a folder are refused.
    expect(reviewLogPath('/d/logs', '...')).toBe('/d/logs/....jsonl');
    expect(reviewLogPath('/d/logs', 'sys.design')).toBe('/d/logs/sys.design.jsonl');
  });

  it('refuses deck names that would escape the logs folder', () => {
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a\0b']) {
      expect(() => reviewLogPath('/d/logs', bad)).toThrow(StoreError);
    }
    expect(() => reviewLogPath('/d/logs', '../x')).toThrow('"../x" cannot be used as a deck file name');
  });
});
