/** `npm run routing:train -- --data FILE.csv --out MODEL`: trains the routing classifier on `id,title,body,label` rows. */
import fs from 'node:fs';
import { serialiseClassifier, trainClassifier } from '../core/routing/classifier';
import { readLabelledCsv } from '../core/routing/dataset';
import { readArgs } from './args';

function main() {
  const usage = '用法：npm run routing:train -- --data 训练集.csv --out 模型文件\n（CSV 列：id,title,body,label）\n';
  const { values } = readArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } }, usage);
  if (!values.data || !values.out) {
    process.stderr.write(usage);
    process.exit(2);
  }
  const rows = readLabelledCsv(values.data).filter((r) => r.title.trim() && r.label.trim());
  const started = performance.now();
  const data = trainClassifier(rows);
  const seconds = (performance.now() - started) / 1000;
  const text = serialiseClassifier(data);
  fs.writeFileSync(values.out, text);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  process.stdout.write(
    [
      `训练样本 ${rows.length} 条，${data.labels.length} 个类别：${[...counts].map(([l, n]) => `${l} ${n}`).join('，')}`,
      `特征 ${data.hashes.length} 个，校准温度 ${data.temperature.toFixed(3)}`,
      `用时 ${seconds.toFixed(1)} 秒，模型 ${(text.length / 1024 / 1024).toFixed(1)} MB → ${values.out}`,
      `train_s=${seconds.toFixed(2)}`,
    ].join('\n') + '\n',
  );
}

try {
  main();
} catch (err) {
  process.stderr.write(`训练失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
