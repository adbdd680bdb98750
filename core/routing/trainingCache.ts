/**
 * Training is deterministic (a seeded solver over the same documents gives the same model), so processes of one
 * build may share what they trained: when LVZHI_TRAINING_CACHE names a directory, a model trained there from the
 * same documents and options is read back instead of trained again. The test suite sets it for its run (each
 * database kind and each test file would otherwise train the demo city's identical model again); a city's
 * servers leave it unset and always train.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseClassifier, serialiseClassifier, trainClassifier, type ClassifierData, type ClassifierOptions, type LabelledText } from './classifier';

/** Trains a classifier, or reads the identical one this build already trained (see the file comment). */
export function trainShared(docs: LabelledText[], options: Partial<ClassifierOptions>): ClassifierData {
  const dir = process.env.LVZHI_TRAINING_CACHE;
  if (!dir) return trainClassifier(docs, options);
  const key = createHash('sha256').update(JSON.stringify({ docs, options })).digest('hex');
  const file = path.join(dir, `${key}.json`);
  try {
    return parseClassifier(fs.readFileSync(file, 'utf8'));
  } catch {
    // Not trained yet (or unreadable): train, then publish it whole (a rename is atomic) for the next process.
  }
  const text = serialiseClassifier(trainClassifier(docs, options));
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next process a training.
  }
  // As stored (weights in single precision), so that this process and those reading the file score alike.
  return parseClassifier(text);
}
