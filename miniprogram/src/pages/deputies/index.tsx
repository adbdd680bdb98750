/**
 * 找代表: deputies and liaison stations by district, or deputies by name anywhere in the city, each with the QR
 * code a citizen scans to land on the form addressed to them, and a button that opens that form here.
 */
import { Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Chips } from '../../components/Chips';
import { Screen } from '../../components/Screen';
import { Status } from '../../components/Status';
import { Button } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { useData } from '../../services/useData';
import './index.css';

/** Where a scanned code lands: the opinion form addressed to the deputy or station. */
function formPath(to: { deputy?: string; station?: number }, name: string): string {
  const q = to.deputy ? `deputy=${to.deputy}` : `station=${to.station}`;
  return `/pages/compose/index?${q}&name=${encodeURIComponent(name)}`;
}

/**
 * The code a citizen scans: on WeChat the deputy's or station's real mini-program code (小程序码, made by WeChat
 * through the API); in the browser a QR code of the H5 form's link.
 */
function Qr(props: { path: string; to: { deputy?: string; station?: number } }) {
  const [src, setSrc] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      api.addresseeCode(props.to).then(
        (r) => setSrc(r.image),
        (e) => setError(errorText(e)),
      );
      return;
    }
    QRCode.toString(`${window.location.origin}/app/#${props.path}`, { type: 'svg', margin: 1 }).then((svg) => setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
  }, [props.path]);
  if (error) return <Text className="error">{error}</Text>;
  return src ? <Image className="qr" src={src} aria-label="扫码写意见的二维码" showMenuByLongpress /> : null;
}

/** A deputy or station: who, where, the button to write to them and their QR code. */
function Contact(props: { title: string; subtitle: string; tag?: string; path: string; to: { deputy?: string; station?: number }; write: string }) {
  const [qr, setQr] = useState(false);
  return (
    <View className="card">
      <View className="row">
        <Text className="title">{props.title}</Text>
        {props.tag && <Text className="tag">{props.tag}</Text>}
      </View>
      <Text className="muted">{props.subtitle}</Text>
      <View className="actions-bar">
        <Button type="primary" onClick={() => Taro.navigateTo({ url: props.path })}>
          {props.write}
        </Button>
        <Button type="primary" fill="outline" onClick={() => setQr(!qr)}>
          {qr ? '收起二维码' : '二维码'}
        </Button>
      </View>
      {qr && <Qr path={props.path} to={props.to} />}
    </View>
  );
}

export default function Deputies() {
  const regions = useData(() => api.regions());
  const districts = (regions.data?.items ?? []).filter((r) => r.level === 'district');
  const [region, setRegion] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const code = region ?? districts[0]?.code ?? null;
  // By name: deputies anywhere in the city; otherwise the chosen district's stations and deputies.
  const list = useData(async () => {
    if (q) return [await api.deputies({ q }), { items: [] }] as const;
    return code ? Promise.all([api.deputies({ region: code }), api.stations(code)]) : null;
  }, [code, q]);
  const [deputies, stations] = list.data ?? [null, null];
  const search = () => setQ(words.trim().slice(0, 20));

  return (
    <Screen onRefresh={list.reload}>
      <View className="search">
        <Input className="input" name="q" aria-label="按姓名找代表" confirmType="search" placeholder="输入代表姓名查找" value={words} onInput={(e) => setWords(e.detail.value)} onConfirm={search} />
        <Button type="primary" fill="outline" onClick={search}>
          查找
        </Button>
      </View>
      {q ? (
        <Text className="hint">{`姓名含“${q}”的代表：${deputies?.items.length ?? 0} 位`}</Text>
      ) : (
        <View>
          <Status loading={regions.loading && !regions.data} error={regions.error} onRetry={regions.reload} />
          <Chips options={districts.map((r) => [r.code, r.name])} isOn={(c) => c === code} onTap={setRegion} />
        </View>
      )}
      <Status
        loading={list.loading && !list.data}
        error={list.error}
        empty={deputies?.items.length === 0 && stations?.items.length === 0}
        emptyText={q ? `没有找到姓名含“${q}”的代表` : '这个区县还没有登记代表和联络站'}
        next={q ? { text: '检查一下姓名，或按区县查找。', label: '按区县查找', onTap: () => (setWords(''), setQ('')) } : { text: '换一个区县看看。' }}
        onRetry={list.reload}
      />
      {stations && stations.items.length > 0 && <Text className="label">联络站</Text>}
      {stations?.items.map((s) => (
        <Contact key={s.id} title={s.name} subtitle={s.address} path={formPath({ station: s.id }, s.name)} to={{ station: s.id }} write="向联络站反映" />
      ))}
      {deputies && deputies.items.length > 0 && <Text className="label">代表</Text>}
      {deputies?.items.map((d) => (
        <Contact key={d.username} title={d.name} tag={d.levelLabel} subtitle={[d.delegation, d.station?.name].filter(Boolean).join(' · ')} path={formPath({ deputy: d.username }, d.name)} to={{ deputy: d.username }} write="写意见" />
      ))}
    </Screen>
  );
}
