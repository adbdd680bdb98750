/**
 * Writing: a deputy's suggestion (with the classifier's proposed department and similar existing suggestions
 * shown as you type, co-signers, save as draft or submit), or a citizen's opinion addressed to a deputy or a
 * liaison station (`?deputy=username` or `?station=id`, which is where a scanned QR code lands). With `?id=` it
 * edits one's own draft.
 */
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { RoutingProposal } from '../../../../contracts/schemas';
import { api, errorText } from '../../services/api';
import { choosePhotos, photoSrc } from '../../services/photos';

type Similar = { id: number; title: string; stateLabel: string; score: number }[];

export default function Compose() {
  const params = useRouter().params;
  const toDeputy = params.deputy;
  const toStation = params.station ? Number(params.station) : undefined;
  const draftId = params.id ? Number(params.id) : null;
  const citizen = Boolean(toDeputy || toStation);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [cosigners, setCosigners] = useState('');
  const [proposal, setProposal] = useState<RoutingProposal | null>(null);
  const [similar, setSimilar] = useState<Similar>([]);
  const [photos, setPhotos] = useState<{ id: number; url: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addPhotos = async () => {
    try {
      const added = await choosePhotos(9 - photos.length);
      setPhotos((p) => [...p, ...added].slice(0, 9));
    } catch (e) {
      // Cancelling the picker is not an error worth showing.
      if (!/cancel/i.test(String((e as { errMsg?: string }).errMsg ?? ''))) setError(errorText(e));
    }
  };

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: draftId ? '修改草稿' : citizen ? `写给${params.name ? decodeURIComponent(params.name) : '代表'}` : '写建议' });
  }, [citizen, params.name, draftId]);

  // Editing a draft: start from what is stored.
  useEffect(() => {
    if (!draftId) return;
    api.getSuggestion(draftId).then(
      (s) => {
        setTitle(s.title);
        setBody(s.body);
        setCosigners(s.cosigners.map((c) => c.username).join(', '));
      },
      (e) => setError(errorText(e)),
    );
  }, [draftId]);

  // As the deputy types: the proposed department and similar suggestions, at most every 0.6 s.
  useEffect(() => {
    if (citizen || title.trim().length < 4) return;
    const timer = setTimeout(async () => {
      try {
        const [p, s] = await Promise.all([api.classify(title, body), api.similar(title, body)]);
        setProposal(p);
        setSimilar(s.items);
      } catch {
        /* the preview is a help, not a requirement */
      }
    }, 600);
    return () => clearTimeout(timer);
  }, [title, body, citizen]);

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const text = place.trim() ? `${body.trim()}\n地点：${place.trim()}` : body.trim();
      if (draftId) {
        await api.updateDraft(draftId, { title: title.trim(), body: text, cosigners: cosigners.split(/[\s,，、]+/).filter(Boolean) });
        if (submit) await api.act(draftId, 'submit');
        Taro.showToast({ title: submit ? '已提交' : '草稿已保存', icon: 'success' });
        Taro.redirectTo({ url: `/pages/suggestion/index?id=${draftId}` });
        return;
      }
      const s = await api.createSuggestion({
        title: title.trim(),
        body: text,
        submit,
        ...(toDeputy ? { deputy: toDeputy } : {}),
        ...(toStation ? { station: toStation } : {}),
        ...(!citizen && cosigners.trim() ? { cosigners: cosigners.split(/[\s,，、]+/).filter(Boolean) } : {}),
        ...(photos.length ? { photos: photos.map((p) => p.id) } : {}),
      });
      Taro.showToast({ title: submit ? '已提交' : '草稿已保存', icon: 'success' });
      Taro.redirectTo({ url: `/pages/suggestion/index?id=${s.id}` });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="label">标题</Text>
        <Input className="input" name="title" placeholder={citizen ? '一句话说明您反映的问题' : '关于……的建议'} value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Text className="label">{citizen ? '具体情况' : '建议内容'}</Text>
        <Textarea className="textarea" name="body" maxlength={5000} placeholder="情况、原因和具体建议" value={body} onInput={(e) => setBody(e.detail.value)} />
        {citizen ? (
          <View>
            <Text className="label">地点（可不填）</Text>
            <Input className="input" name="place" placeholder="如：张店区科苑街道某小区" value={place} onInput={(e) => setPlace(e.detail.value)} />
          </View>
        ) : (
          <View>
            <Text className="label">附议代表（可不填，填姓名或用户名，用逗号分开；提交后会请他们确认）</Text>
            <Input className="input" name="cosigners" placeholder="代表姓名或用户名，如：李秀英、deputy03" value={cosigners} onInput={(e) => setCosigners(e.detail.value)} />
          </View>
        )}
        {!draftId && (
          <View>
            <Text className="label">{`照片（可不填，最多 9 张${photos.length ? `，已选 ${photos.length} 张` : ''}）`}</Text>
            <View className="photos">
              {photos.map((p) => (
                <Image key={p.id} className="photo" mode="aspectFill" src={photoSrc(p.url)} onClick={() => setPhotos(photos.filter((x) => x.id !== p.id))} />
              ))}
              {photos.length < 9 && (
                <View className="photo photo-add" onClick={addPhotos}>
                  <Text>＋ 添加照片</Text>
                </View>
              )}
            </View>
          </View>
        )}
      </View>

      {!citizen && proposal?.lead && (
        <View className="card proposal">
          <Text className="label">{`推荐承办单位（把握 ${Math.round(proposal.confidence * 100)}%）`}</Text>
          <Text className="title">{proposal.lead.name}</Text>
          {proposal.lead.why.length > 0 && <Text className="why">{`依据：${proposal.lead.why.join('、')}`}</Text>}
          {proposal.co.length > 0 && <Text className="muted">{`\n可能协办：${proposal.co.map((c) => c.name).join('、')}`}</Text>}
        </View>
      )}
      {!citizen && similar.length > 0 && (
        <View className="card">
          <Text className="label">已有相似建议（可考虑联名或附议）</Text>
          {similar.map((x) => (
            <Text key={x.id} className="line" onClick={() => Taro.navigateTo({ url: `/pages/suggestion/index?id=${x.id}` })}>{`· ${x.title}（${x.stateLabel}）`}</Text>
          ))}
        </View>
      )}

      {error && <Text className="error">{error}</Text>}
      <Button className="btn" loading={busy} disabled={!title.trim() || !body.trim() || undefined} onClick={() => save(true)}>
        {citizen ? '提交给代表' : '提交建议'}
      </Button>
      {!citizen && (
        <Button className="btn-plain" disabled={busy || !title.trim() || !body.trim() || undefined} onClick={() => save(false)}>
          保存草稿
        </Button>
      )}
    </View>
  );
}
