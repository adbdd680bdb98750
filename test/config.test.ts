import { loadConfig } from '../core/config';

describe('configuration', () => {
  test('defaults: SQLite file, port 3000, demo mode on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: 'sqlite:data/lvzhi.sqlite', demoMode: true, production: false });
  });
  test('demo mode is off in production and by default on MySQL; production needs a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h/db' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h/db', DEMO_MODE: '1' }).demoMode).toBe(true);
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'sqlite:/tmp/x.sqlite' })).toMatchObject({ port: 8080, databaseUrl: 'sqlite:/tmp/x.sqlite' });
  });
});
