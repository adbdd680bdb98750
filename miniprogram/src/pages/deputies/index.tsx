/**
 * 找代表: deputies and liaison stations by district, each with the QR code a citizen scans to land on the form
 * addressed to them, and a button that opens that form here.
 */
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Chips } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';
import './index.css';

/** Where a scanned code lands: the opinion form addressed to the deputy or station. */
function formPath(to: { deputy?: string; station?: number }, name: string): string {
  const q = to.deputy ? `deputy=${to.deputy}` : `station=${to.station}`;
  return `/pages/compose/index?${q}&name=${encodeURIComponent(name)}`;
}

function Qr({ path }: { path: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    const origin = process.env.TARO_ENV === 'h5' ? `${window.location.origin}/app/#` : 'https://lvzhi.example/app/#';
    QRCode.toString(`${origin}${path}`, { type: 'svg', margin: 1 }).then((svg) => setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
  }, [path]);
  return src ? <Image className="qr" src={src} /> : null;
}

/** A deputy or station: who, where, the button to write to them and their QR code. */
function Contact(props: { title: string; subtitle: string; tag?: string; path: string; write: string }) {
  const [qr, setQr] = useState(false);
  return (
    <View className="card">
      <View className="row">
        <Text className="title">{props.title}</Text>
        {props.tag && <Text className="tag">{props.tag}</Text>}
      </View>
      <Text className="muted">{props.subtitle}</Text>
      <View className="row">
        <Button className="btn-plain" size="mini" onClick={() => Taro.navigateTo({ url: props.path })}>
          {props.write}
        </Button>
        <Button className="btn-plain" size="mini" onClick={() => setQr(!qr)}>
          二维码
        </Button>
      </View>
      {qr && <Qr path={props.path} />}
    </View>
  );
}

export default function Deputies() {
  const regions = useData(() => api.regions());
  const districts = (regions.data?.items ?? []).filter((r) => r.level === 'district');
  const [region, setRegion] = useState<string | null>(null);
  const code = region ?? districts[0]?.code ?? null;
  const list = useData(async () => (code ? Promise.all([api.deputies({ region: code }), api.stations(code)]) : null), [code]);
  const [deputies, stations] = list.data ?? [null, null];

  return (
    <View className="page">
      <Status loading={regions.loading && !regions.data} error={regions.error} onRetry={regions.reload} />
      <Chips options={districts.map((r) => [r.code, r.name])} isOn={(c) => c === code} onTap={setRegion} />
      <Status loading={list.loading && !list.data} error={list.error} empty={deputies?.items.length === 0 && stations?.items.length === 0} onRetry={list.reload} />
      {stations && stations.items.length > 0 && <Text className="label">联络站</Text>}
      {stations?.items.map((s) => (
        <Contact key={s.id} title={s.name} subtitle={s.address} path={formPath({ station: s.id }, s.name)} write="向联络站反映" />
      ))}
      {deputies && deputies.items.length > 0 && <Text className="label">代表</Text>}
      {deputies?.items.map((d) => (
        <Contact key={d.username} title={d.name} tag={d.levelLabel} subtitle={[d.delegation, d.station?.name].filter(Boolean).join(' · ')} path={formPath({ deputy: d.username }, d.name)} write="写给TA" />
      ))}
    </View>
  );
}
