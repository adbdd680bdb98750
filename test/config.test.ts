import { DEMO_JWT_SECRET, loadConfig } from '../core/config';

describe('configuration', () => {
  test('defaults: SQLite file, port 3000, demo mode on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: 'sqlite:data/lvzhi.sqlite', demoMode: true, production: false });
  });
  test('demo mode is off in production and by default on MySQL; production needs a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h/db', JWT_SECRET: 'x' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h/db', DEMO_MODE: '1' }).demoMode).toBe(true);
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'sqlite:/tmp/x.sqlite' })).toMatchObject({ port: 8080, databaseUrl: 'sqlite:/tmp/x.sqlite' });
  });
  test('the published demo secret is refused unless demo mode is on outside production; photo links have their own key', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@h/db' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@h/db', JWT_SECRET: DEMO_JWT_SECRET })).toThrow(/demo secret/);
    expect(() => loadConfig({ DEMO_MODE: '0' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: '1' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET })).toThrow(/demo secret/);
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h/db', DEMO_MODE: '1' }).jwtSecret).toBe(DEMO_JWT_SECRET);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-secret' });
    expect(c.photoLinkSecret).not.toBe(c.jwtSecret);
    expect(c.photoLinkSecret).toBe(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-secret' }).photoLinkSecret);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-secret', PHOTO_LINK_SECRET: 'p' }).photoLinkSecret).toBe('p');
  });
});
