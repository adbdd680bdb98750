/**
 * The holiday calendar (admin): a year's days off and make-up working days with where they come from, the warning
 * while next year's official schedule is missing, and a form to enter the schedule as the State Council published it.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { chinaDay } from '../../../../contracts/format';
import { Status } from '../../components/Status';
import { api, errorText } from '../../services/api';
import { useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

/** Dates typed one per line, or separated by commas or spaces. */
const dates = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

export default function HolidayCalendar() {
  const [year, setYear] = useState(Number(chinaDay().slice(0, 4)) + 1);
  const { data: cal, error, loading, reload } = useData(() => api.calendar(year), [year]);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const enter = async () => {
    setMessage(null);
    try {
      const r = await api.enterCalendar(year, { holidays: dates(holidays), workdays: dates(workdays) });
      setMessage(`已录入 ${r.year} 年放假安排，${r.recounted} 件在办建议的期限随之调整`);
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <Screen>
      <View className="card row">
        <Button type="primary" fill="outline" onClick={() => setYear(year - 1)}>
          上一年
        </Button>
        <Text className="title">{`${year} 年`}</Text>
        <Button type="primary" fill="outline" onClick={() => setYear(year + 1)}>
          下一年
        </Button>
      </View>
      <Status loading={loading && !cal} error={error} onRetry={reload} />
      {cal && (
        <View>
          {cal.warnings.map((w) => (
            <View key={w} className="card">
              <Text className="overdue">{w}</Text>
            </View>
          ))}
          <View className="card">
            <Text className="label">{`来源：${cal.sourceLabel}`}</Text>
            <View className="line">
              <Text>{`放假（${cal.holidays.length} 天）：${cal.holidays.join('、') || '无'}`}</Text>
            </View>
            <View className="line">
              <Text>{`调休上班：${cal.workdays.join('、') || '无'}`}</Text>
            </View>
          </View>
        </View>
      )}
      <View className="card">
        <Text className="label">{`录入 ${year} 年官方放假安排（国务院办公厅通知公布后）`}</Text>
        <Text className="muted">放假日期，每行一个，如 2027-01-01（含假期中的周末）</Text>
        <Textarea className="input" placeholder="放假日期" value={holidays} maxlength={-1} onInput={(e) => setHolidays(e.detail.value)} />
        <Text className="muted">调休上班日期（周六或周日），每行一个</Text>
        <Textarea className="input" placeholder="调休上班日期" value={workdays} maxlength={-1} onInput={(e) => setWorkdays(e.detail.value)} />
        <Button block type="primary" onClick={enter}>
          录入并重算期限
        </Button>
        {message && <Text className="muted">{message}</Text>}
      </View>
    </Screen>
  );
}
