/**
 * The office dashboard: suggestions by state and by lead department, the on-time answer rate, rating and answer
 * class shares, by month and by district; a period filter; export as XLSX or CSV.
 */
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Bars } from '../../components/Bars';
import { Status } from '../../components/Status';
import { api, storedToken } from '../../services/api';
import { useData } from '../../services/useData';
import { chinaDay } from '../../../../contracts/format';
import { Screen } from '../../components/Screen';


/** Downloads the export with the user's token and opens it (a document on WeChat, a file download in the browser). */
async function download(format: 'xlsx' | 'csv', from: string, to: string) {
  const url = `${API_BASE}/api/stats/suggestions/export?format=${format}&from=${from}&to=${to}`;
  const res = await Taro.downloadFile({ url, header: { authorization: `Bearer ${storedToken()}` } });
  if (res.statusCode !== 200) return Taro.showToast({ title: '导出失败，请稍后再试', icon: 'none' });
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = res.tempFilePath;
    a.download = `建议统计-${from}至${to}.${format}`;
    a.click();
  } else {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: format === 'xlsx' ? 'xlsx' : undefined, showMenu: true } as Taro.openDocument.Option);
  }
}

/** A month (YYYY-MM) as people write it: 2026年3月. */
const monthText = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export default function Dashboard() {
  const [from, setFrom] = useState(`${chinaDay().slice(0, 4)}-01`);
  const [to, setTo] = useState(chinaDay().slice(0, 7));
  const { data: s, error, loading, reload } = useData(() => api.stats({ from, to }), [from, to]);
  return (
    <Screen>
      <View className="card row">
        <Picker mode="date" fields="month" value={from} onChange={(e) => setFrom(e.detail.value.slice(0, 7))}>
          <Text className="label">{`从 ${monthText(from)}`}</Text>
        </Picker>
        <Picker mode="date" fields="month" value={to} onChange={(e) => setTo(e.detail.value.slice(0, 7))}>
          <Text className="label">{`到 ${monthText(to)}`}</Text>
        </Picker>
      </View>
      <Status loading={loading && !s} error={error} onRetry={reload} />
      {s && (
        <View>
          {s.warnings.map((w) => (
            <View key={w} className="card">
              <Text className="overdue">{w}</Text>
            </View>
          ))}
          <View className="card row">
            <View>
              <Text className="muted">建议总数</Text>
              <Text className="figure">{`${s.total} 件`}</Text>
            </View>
            <View>
              <Text className="muted">按期答复率</Text>
              <Text className="figure">{s.onTimeRate === null ? '—' : `${s.onTimeRate}%`}</Text>
            </View>
          </View>
          <Bars title="按办理状态" bars={s.byState.map((x) => ({ label: x.label, value: x.count, text: `${x.count} 件` }))} />
          <Bars
            title="按主办单位（件数，按期答复率）"
            bars={s.byDepartment.slice(0, 15).map((d) => ({ label: d.name.replace(/^淄博市/, ''), value: d.total, text: `${d.total} 件${d.onTimeRate === null ? '' : `，按期 ${d.onTimeRate}%`}` }))}
          />
          <Bars title="测评结果" max={100} color="#2e7d32" bars={s.ratings.map((x) => ({ label: x.label, value: x.percent, text: `${x.count} 件 ${x.percent}%` }))} />
          <Bars title="答复类别" max={100} color="#1565c0" bars={s.answerClasses.map((x) => ({ label: `${x.code} ${x.label}`, value: x.percent, text: `${x.count} 件 ${x.percent}%` }))} />
          <Bars title="按月提交" bars={s.byMonth.map((m) => ({ label: monthText(m.month), value: m.submitted, text: `${m.submitted} 件，已答复 ${m.answered} 件` }))} />
          <Bars title="按区县" bars={s.byRegion.map((r) => ({ label: r.name, value: r.count, text: `${r.count} 件` }))} />
          <View className="row">
            <Button type="primary" fill="outline" onClick={() => download('xlsx', from, to)}>
              导出 Excel
            </Button>
            <Button type="primary" fill="outline" onClick={() => download('csv', from, to)}>
              导出 CSV
            </Button>
          </View>
        </View>
      )}
    </Screen>
  );
}
