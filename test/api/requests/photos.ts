/** Photos with an opinion: upload (checked by their bytes), attach when creating, read through signed links. */
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** A 2×2 baseline JPEG (331 bytes). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAACAAIBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==',
  'base64',
);

describe.each(databaseKinds())('photos on %s', (kind) => {
  let api: TestApi;
  let citizen: string;
  const upload = (data: Buffer, who: string) =>
    fetch(`${api.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${who}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(data) });

  beforeAll(async () => {
    api = await startTestApi(kind);
    citizen = await api.token('citizen01');
  });
  afterAll(() => api.close());

  test('a citizen hands in an opinion with photos; whoever may see it gets links that load', async () => {
    const png = await upload(PNG, citizen);
    expect(png.status).toBe(201);
    const a = (await png.json()) as { id: number; url: string };
    const b = (await (await upload(JPEG, citizen)).json()) as { id: number };
    const created = await api.http('POST', '/api/suggestions', { title: '路口积水严重', body: '下雨天积水没过脚踝。', deputy: 'deputy01', submit: true, photos: [a.id, b.id] }, citizen);
    expect(created.status).toBe(201);
    expect(created.body.photos.map((p: { id: number }) => p.id)).toEqual([a.id, b.id]);
    const deputyView = await api.http('GET', `/api/suggestions/${created.body.id}`, undefined, await api.token('deputy01'));
    const link = deputyView.body.photos[0].url as string;
    expect(link).toMatch(new RegExp(`^/api/photos/${a.id}\\?exp=\\d+&sig=[\\w-]{32}$`));
    const img = await fetch(`${api.url}${link}`);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    // A forged or altered link is refused.
    expect((await fetch(`${api.url}${link.replace(/sig=./, 'sig=A')}`)).status).toBe(403);
    expect((await fetch(`${api.url}/api/photos/${b.id}?${link.split('?')[1]}`)).status).toBe(403);
  });

  test('only images, not too big, only by citizens and deputies; a photo is used once, by its uploader', async () => {
    const text = await upload(Buffer.from('这不是图片'), citizen);
    expect(text.status).toBe(400);
    expect(((await text.json()) as { error: { message: string } }).error.message).toBe('请上传 JPG、PNG 或 WebP 格式的照片');
    // Magic bytes alone are not a photo: three bytes, a JPEG or PNG cut short, a header followed by filler.
    for (const fake of [JPEG.subarray(0, 3), JPEG.subarray(0, 200), PNG.subarray(0, PNG.length - 12), Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(64, 1)])]) {
      const refused = await upload(fake, citizen);
      expect(refused.status).toBe(400);
    }
    expect((await upload(Buffer.concat([JPEG, Buffer.alloc(3 * 1024 * 1024)]), citizen)).status).toBe(413);
    const staff = await api.token('staff-urban');
    expect((await upload(PNG, staff)).status).toBe(403);
    expect((await fetch(`${api.url}/api/photos`, { method: 'POST', body: new Uint8Array(PNG) })).status).toBe(401);

    const mine = ((await (await upload(PNG, citizen)).json()) as { id: number }).id;
    const other = await api.token('citizen02');
    const stolen = await api.http('POST', '/api/suggestions', { title: '借用别人的照片', body: '…', deputy: 'deputy01', photos: [mine] }, other);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.message).toContain('照片');
    const first = await api.http('POST', '/api/suggestions', { title: '第一次用', body: '…', deputy: 'deputy01', photos: [mine] }, citizen);
    expect(first.status).toBe(201);
    const again = await api.http('POST', '/api/suggestions', { title: '第二次用', body: '…', deputy: 'deputy01', photos: [mine] }, citizen);
    expect(again.status).toBe(400);
    // The refused ones stored nothing.
    const list = await api.http('GET', '/api/suggestions?mine=true', undefined, other);
    expect(list.body.items.map((s: { title: string }) => s.title)).not.toContain('借用别人的照片');
  });
});
