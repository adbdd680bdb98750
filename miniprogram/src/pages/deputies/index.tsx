/**
 * 找代表: deputies and liaison stations by district, each with the QR code a citizen scans to land on the form
 * addressed to them, and a button that opens that form here.
 */
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
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

export default function Deputies() {
  const regions = useData(() => api.regions());
  const districts = (regions.data?.items ?? []).filter((r) => r.level === 'district');
  const [region, setRegion] = useState<string | null>(null);
  const code = region ?? districts[0]?.code ?? null;
  const list = useData(async () => (code ? Promise.all([api.deputies({ region: code }), api.stations(code)]) : null), [code]);
  const [deputies, stations] = list.data ?? [null, null];
  const [showQr, setShowQr] = useState<string | null>(null);
  const go = (path: string) => Taro.navigateTo({ url: path });

  return (
    <View className="page">
      <Status loading={regions.loading && !regions.data} error={regions.error} onRetry={regions.reload} />
      <View className="regions">
        {districts.map((r) => (
          <Text key={r.code} className={r.code === code ? 'choice choice-on' : 'choice'} onClick={() => setRegion(r.code)}>
            {r.name}
          </Text>
        ))}
      </View>
      <Status loading={list.loading && !list.data} error={list.error} empty={deputies?.items.length === 0 && stations?.items.length === 0} onRetry={list.reload} />
      {stations && stations.items.length > 0 && <Text className="label">联络站</Text>}
      {stations?.items.map((s) => {
        const path = formPath({ station: s.id }, s.name);
        return (
          <View key={s.id} className="card">
            <Text className="title">{s.name}</Text>
            <Text className="muted">{s.address}</Text>
            <View className="row">
              <Button className="btn-plain" size="mini" onClick={() => go(path)}>
                向联络站反映
              </Button>
              <Button className="btn-plain" size="mini" onClick={() => setShowQr(showQr === path ? null : path)}>
                二维码
              </Button>
            </View>
            {showQr === path && <Qr path={path} />}
          </View>
        );
      })}
      {deputies && deputies.items.length > 0 && <Text className="label">代表</Text>}
      {deputies?.items.map((d) => {
        const path = formPath({ deputy: d.username }, d.name);
        return (
          <View key={d.username} className="card">
            <View className="row">
              <Text className="title">{d.name}</Text>
              <Text className="tag">{d.levelLabel}</Text>
            </View>
            <Text className="muted">{[d.delegation, d.station?.name].filter(Boolean).join(' · ')}</Text>
            <View className="row">
              <Button className="btn-plain" size="mini" onClick={() => go(path)}>
                写给TA
              </Button>
              <Button className="btn-plain" size="mini" onClick={() => setShowQr(showQr === path ? null : path)}>
                二维码
              </Button>
            </View>
            {showQr === path && <Qr path={path} />}
          </View>
        );
      })}
    </View>
  );
}
