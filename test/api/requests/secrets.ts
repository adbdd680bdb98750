/**
 * Secrets and sign-in: tokens need an expiry, a plain integer subject and our issuer; the published demo secret
 * opens nothing outside demo mode; photo links have a key of their own; wrong passwords are limited per account
 * and per address in the database (429 with the wait), and unknown usernames take as long as known ones.
 */
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DEMO_JWT_SECRET } from '../../../core/config';
import { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, SIGN_IN_KEEP_MS, SIGN_IN_WINDOW_MS, pruneSignInAttempts } from '../../../core/auth/signInLimits';
import { SignInAttemptModel } from '../../../models/signIn';
import { UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('tokens and sign-in limits on %s', (kind) => {
  let api: TestApi;
  let office: UserModel;
  beforeAll(async () => {
    api = await startTestApi(kind, { DEMO_MODE: '0' });
    office = (await UserModel.findOne({ where: { username: 'admin' } }))!;
  });
  afterAll(() => api.close());

  const me = (token: string) => api.http('GET', '/api/me', undefined, token);
  const sign = (payload: object, options: jwt.SignOptions = {}, secret = api.config.jwtSecret) => jwt.sign(payload, secret, options);

  test('a token needs exp, a plain integer sub and the issuer; the demo secret opens nothing outside demo mode', async () => {
    const good = sign({ role: 'admin' }, { subject: String(office.id), expiresIn: '1h', issuer: 'lvzhi' });
    expect((await me(good)).status).toBe(200);
    const refused: [string, string][] = [
      ['no exp', sign({ role: 'admin' }, { subject: String(office.id), issuer: 'lvzhi' })],
      ['sub 1e0', sign({ role: 'admin', sub: `${office.id}e0` }, { expiresIn: '1h', issuer: 'lvzhi' })],
      ['sub with a leading zero', sign({ role: 'admin', sub: `0${office.id}` }, { expiresIn: '1h', issuer: 'lvzhi' })],
      ['numeric sub', sign({ role: 'admin', sub: office.id }, { expiresIn: '1h', issuer: 'lvzhi' })],
      ['no issuer', sign({ role: 'admin' }, { subject: String(office.id), expiresIn: '1h' })],
      ['another issuer', sign({ role: 'admin' }, { subject: String(office.id), expiresIn: '1h', issuer: 'someone' })],
      ['the demo secret', sign({ role: 'admin' }, { subject: String(office.id), expiresIn: '1h', issuer: 'lvzhi' }, DEMO_JWT_SECRET)],
      ['expired', sign({ role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }, { subject: String(office.id), issuer: 'lvzhi' })],
    ];
    for (const [why, token] of refused) expect([why, (await me(token)).status]).toEqual([why, 401]);
  });

  test('photo links are signed with their own key, not the token secret', async () => {
    expect(api.config.photoLinkSecret).not.toBe(api.config.jwtSecret);
    const expires = Date.now() + 3_600_000;
    const withTokenKey = createHmac('sha256', api.config.jwtSecret).update(`photo:1:${expires}`).digest('base64url').slice(0, 32);
    expect((await api.http('GET', `/api/photos/1?exp=${expires}&sig=${withTokenKey}`)).status).toBe(403);
  });

  test('wrong passwords per account: 429 with 请稍后再试 and the wait, even for the right password, until the window passes', async () => {
    api.clock.set('2026-03-02T02:00:00Z');
    const login = (password: string) => api.http('POST', '/api/auth/login', { username: 'office-boshan', password });
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) expect((await login(`guess-${i}`)).status).toBe(401);
    const limited = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office-boshan', password: 'lvzhi-demo' }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(SIGN_IN_WINDOW_MS / 1000));
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(new RegExp(`请稍后再试.*${SIGN_IN_WINDOW_MS / 1000} 秒`));
    // Every failure is on record, with the address it came from.
    expect(await SignInAttemptModel.count({ where: { username: 'office-boshan', succeeded: false, address: '127.0.0.1' } })).toBe(MAX_ACCOUNT_FAILURES);
    // Other accounts are not affected; after the window the right password works again.
    expect((await api.http('POST', '/api/auth/login', { username: 'office-linzi', password: 'lvzhi-demo' })).status).toBe(200);
    api.clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + SIGN_IN_WINDOW_MS + 1000).toISOString());
    expect((await login('lvzhi-demo')).status).toBe(200);
  });

  test('wrong passwords per address, across accounts, counted in the database (any API process sees them)', async () => {
    api.clock.set('2026-03-03T02:00:00Z');
    const from = (address: string, username: string, password: string) =>
      api.http('POST', '/api/auth/login', { username, password }, undefined, { 'x-forwarded-for': address });
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) expect((await from('203.0.113.7', `ghost-${i}`, 'x')).status).toBe(401);
    const limited = await from('203.0.113.7', 'staff-housing', 'lvzhi-demo');
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/请稍后再试/);
    expect((await from('203.0.113.8', 'staff-housing', 'lvzhi-demo')).status).toBe(200);
    // The jobs runner prunes attempts once no limit can need them.
    api.clock.set(new Date(Date.parse('2026-03-03T02:00:00Z') + SIGN_IN_KEEP_MS + 1000).toISOString());
    const pruned = await pruneSignInAttempts(api.core);
    expect(pruned).toBeGreaterThanOrEqual(MAX_ADDRESS_FAILURES + 2);
    expect(await SignInAttemptModel.count({ where: { address: '203.0.113.7' } })).toBe(0);
  });

  test('an unknown username takes as long as a known one with a wrong password', async () => {
    api.clock.set('2026-03-04T02:00:00Z');
    const time = async (username: string) => {
      const start = process.hrtime.bigint();
      expect((await api.http('POST', '/api/auth/login', { username, password: 'wrong' }, undefined, { 'x-forwarded-for': `198.51.100.${username.length}` })).status).toBe(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time('staff-edu'));
      unknown.push(await time('no-such-user-here'));
    }
    // Without the dummy hash an unknown name answered about ten times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
