import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError, SETTING_NAMES } from '../src/config/settings.js';

describe('settings', () => {
  it('has defaults for a bare environment', () => {
    const s = parseSettings({});
    expect(s).toEqual({ neo4j: { uri: undefined, username: 'neo4j', password: undefined, database: undefined }, host: '127.0.0.1', port: 4000, logLevel: 'info' });
  });

  it('reads every variable it documents', () => {
    expect(SETTING_NAMES.sort()).toEqual(['HOST', 'LOG_LEVEL', 'NEO4J_DATABASE', 'NEO4J_PASSWORD', 'NEO4J_URI', 'NEO4J_USERNAME', 'PORT']);
    const s = parseSettings({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'graph', HOST: '0.0.0.0', PORT: '8080', LOG_LEVEL: 'debug' });
    expect(s).toEqual({ neo4j: { uri: 'neo4j+s://db.example:7687', username: 'u', password: 'p', database: 'graph' }, host: '0.0.0.0', port: 8080, logLevel: 'debug' });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid setting PORT: expected an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid setting PORT: expected an integer from 0 to 65535 (got "70000")'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'Invalid setting NEO4J_URI: expected a Neo4j URI'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid setting LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ NEO4J_DATABASE: 'x' }, 'Invalid setting NEO4J_DATABASE'],
  ])('refuses %j with a line naming the variable', (env, message) => {
    expect(() => parseSettings(env)).toThrow(SettingsError);
    expect(() => parseSettings(env)).toThrow(message);
  });

  it('never echoes a password', () => {
    try {
      parseSettings({ NEO4J_PASSWORD: '', PORT: 'x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('NEO4J_PASSWORD');
    }
  });
});
