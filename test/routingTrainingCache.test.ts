/**
 * Models shared between the processes of one build (core/routing/trainingCache.ts): the same documents and options
 * give the model already trained, read from the cache directory; other documents train anew; without the
 * directory nothing is read or written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Classifier, serialiseClassifier, type LabelledText } from '../core/routing/classifier';
import { trainShared } from '../core/routing/trainingCache';

const DOCS: LabelledText[] = [
  { title: '小区加装电梯补贴', body: '', label: 'housing' },
  { title: '老旧小区改造', body: '', label: 'housing' },
  { title: '物业服务收费', body: '', label: 'housing' },
  { title: '学校门口交通拥堵', body: '', label: 'transport' },
  { title: '公交线路太少', body: '', label: 'transport' },
  { title: '道路坑洼不平', body: '', label: 'transport' },
];
const OPTIONS = { calibrationFolds: 0 };

describe('a model trained once per build', () => {
  const saved = process.env.LVZHI_TRAINING_CACHE;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-cache-test-'));
    process.env.LVZHI_TRAINING_CACHE = dir;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterAll(() => {
    if (saved === undefined) delete process.env.LVZHI_TRAINING_CACHE;
    else process.env.LVZHI_TRAINING_CACHE = saved;
  });

  test('the same documents read the stored model; other documents train anew', () => {
    const first = trainShared(DOCS, OPTIONS);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    // A model the cache holds is what is returned: mark the file and see the mark come back.
    const stored = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
    fs.writeFileSync(path.join(dir, files[0]), JSON.stringify({ ...stored, trainedOn: 4242 }));
    expect(trainShared(DOCS, OPTIONS).trainedOn).toBe(4242);
    const other = trainShared([...DOCS, { title: '农村饮水安全', body: '', label: 'water' }, { title: '水库防汛', body: '', label: 'water' }], OPTIONS);
    expect(other.labels).toEqual(['housing', 'transport', 'water']);
    expect(fs.readdirSync(dir)).toHaveLength(2);
    expect(new Classifier(first).rank('电梯补贴', '', 1)[0].label).toBe('housing');
  });

  test('a damaged file is trained again and replaced', () => {
    const first = serialiseClassifier(trainShared(DOCS, OPTIONS));
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), '{"format":');
    expect(serialiseClassifier(trainShared(DOCS, OPTIONS))).toBe(first);
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(first);
  });

  test('without the directory nothing is stored', () => {
    delete process.env.LVZHI_TRAINING_CACHE;
    trainShared(DOCS, OPTIONS);
    expect(fs.readdirSync(dir)).toHaveLength(0);
  });
});
