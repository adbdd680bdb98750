/**
 * Writing: a deputy's suggestion (with the classifier's proposed department and similar existing suggestions
 * shown as you type, co-signers, save as draft or submit), or a citizen's opinion addressed to a deputy or a
 * liaison station (`?deputy=username` or `?station=id`, which is where a scanned QR code lands). With `?id=` it
 * edits one's own draft.
 */
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Addressee, PresentedRouting } from '../../../../contracts/schemas';
import { PeoplePicker, type Picked } from '../../components/PeoplePicker';
import { Screen } from '../../components/Screen';
import { Button } from '../../components/ui';
import { api, errorText, storedToken } from '../../services/api';
import { dropPending, keepPending, pendingFor } from '../../services/pending';
import { choosePhotos, photoSrc } from '../../services/photos';
import { askForNews } from '../../services/subscribe';

type Similar = { id: number; title: string; stateLabel: string; score: number }[];

export default function Compose() {
  const params = useRouter().params;
  // Addressed by the link (?deputy=username or ?station=id) or by a scanned mini-program code (?scene=d=12 / s=3).
  const scene = params.scene ? decodeURIComponent(params.scene) : undefined;
  const [addressee, setAddressee] = useState<Addressee | null>(null);
  const [addresseeError, setAddresseeError] = useState<string | null>(null);
  const toDeputy = params.deputy ?? addressee?.form.deputy;
  const toStation = params.station ? Number(params.station) : addressee?.form.station;
  const draftId = params.id ? Number(params.id) : null;
  const citizen = Boolean(params.deputy || params.station || scene);
  const toName = params.name ? decodeURIComponent(params.name) : (addressee?.name ?? '');
  // This form's own address: where a sign-in brings the citizen back to, with the text kept.
  const back = !citizen ? '' : scene ? `/pages/compose/index?scene=${encodeURIComponent(scene)}` : `/pages/compose/index?${params.deputy ? `deputy=${encodeURIComponent(params.deputy)}` : `station=${params.station}`}&name=${encodeURIComponent(toName)}`;
  const kept = back ? pendingFor(back) : null;
  const [title, setTitle] = useState(kept?.title ?? '');
  const [body, setBody] = useState(kept?.body ?? '');
  const [place, setPlace] = useState(kept?.place ?? '');
  const [cosigners, setCosigners] = useState<Picked[]>([]);
  const signedOut = !storedToken();
  const [proposal, setProposal] = useState<PresentedRouting | null>(null);
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
    Taro.setNavigationBarTitle({ title: draftId ? '修改草稿' : citizen ? `写给${toName || '代表'}` : '写建议' });
  }, [citizen, toName, draftId]);

  // Whom it goes to, from the public directory (a deputy who left or a closed station is a 404 with its reason).
  useEffect(() => {
    if (!citizen) return;
    api.addressee(scene ? { scene } : params.deputy ? { deputy: params.deputy } : { station: Number(params.station) }).then(
      (a) => (setAddressee(a), setAddresseeError(null)),
      (e) => setAddresseeError(errorText(e)),
    );
  }, [scene, params.deputy, params.station]);

  // Editing a draft: start from what is stored.
  useEffect(() => {
    if (!draftId) return;
    api.getSuggestion(draftId).then(
      (s) => {
        setTitle(s.title);
        setBody(s.body);
        setCosigners(s.cosigners.map((c) => ({ username: c.username, name: c.name })));
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
    // Signed out (a scanned code opens this form directly): keep the text, sign in, come back to it.
    if (citizen && !storedToken()) {
      keepPending({ back, title, body, place });
      Taro.navigateTo({ url: '/pages/login/index' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const text = place.trim() ? `${body.trim()}\n地点：${place.trim()}` : body.trim();
      if (draftId) {
        await api.updateDraft(draftId, { title: title.trim(), body: text, cosigners: cosigners.map((c) => c.username) });
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
        ...(!citizen && cosigners.length ? { cosigners: cosigners.map((c) => c.username) } : {}),
        ...(photos.length ? { photos: photos.map((p) => p.id) } : {}),
      });
      if (citizen) dropPending();
      if (submit) await askForNews();
      Taro.showToast({ title: submit ? '已提交' : '草稿已保存', icon: 'success' });
      Taro.redirectTo({ url: `/pages/suggestion/index?id=${s.id}` });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const ready = Boolean(title.trim() && body.trim());
  return (
    <Screen>
      {citizen && (
        <View className="card addressee">
          <Text className="label">写给</Text>
          <Text className="title">{addressee ? (addressee.kind === 'deputy' ? `${addressee.name} 代表` : addressee.name) : toName || '代表'}</Text>
          {addressee && (
            <Text className="muted">
              {(addressee.deputy
                ? [addressee.deputy.levelLabel, addressee.deputy.delegation, addressee.station?.name]
                : [addressee.region?.name, addressee.station?.address]
              )
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          {addresseeError && <Text className="error">{addresseeError}</Text>}
          <Text className="hint">您的意见会直接送到这里；对方答复或转交人大办理后，您在“我的意见”里能看到进展和结果。</Text>
        </View>
      )}
      <View className="card">
        <Text className="label">标题</Text>
        <Input className="input" name="title" aria-label="标题" placeholder={citizen ? '一句话说明您反映的问题' : '关于……的建议'} value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Text className="label">{citizen ? '具体情况' : '建议内容'}</Text>
        <Textarea className="textarea" name="body" aria-label={citizen ? '具体情况' : '建议内容'} maxlength={5000} placeholder="情况、原因和具体建议" value={body} onInput={(e) => setBody(e.detail.value)} />
        {citizen ? (
          <View>
            <Text className="label">地点（可不填）</Text>
            <Input className="input" name="place" aria-label="地点" placeholder="如：张店区科苑街道某小区" value={place} onInput={(e) => setPlace(e.detail.value)} />
          </View>
        ) : (
          <PeoplePicker label="附议代表（可不填；提交后会请他们确认）" name="cosigner" picked={cosigners} onChange={setCosigners} />
        )}
        {!draftId && !signedOut && (
          <View>
            <Text className="label">{`照片（可不填，最多 9 张${photos.length ? `，已选 ${photos.length} 张，点照片可去掉` : ''}）`}</Text>
            <View className="photos">
              {photos.map((p) => (
                <Image key={p.id} className="photo" aria-label="已选照片（点一下去掉）" mode="aspectFill" src={photoSrc(p.url)} onClick={() => setPhotos(photos.filter((x) => x.id !== p.id))} />
              ))}
              {photos.length < 9 && (
                <View className="photo photo-add" role="button" onClick={addPhotos}>
                  <Text>＋ 添加照片</Text>
                </View>
              )}
            </View>
          </View>
        )}
        {signedOut && citizen && <Text className="hint">提交时需要先登录（微信一键登录），您写的内容会替您保留；登录后还可以添加照片。</Text>}
      </View>

      {!citizen && proposal?.lead && (
        <View className="card proposal">
          <Text className="label">{`推荐承办单位（把握${proposal.confidenceLabel}）`}</Text>
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
      {!ready && <Text className="hint">{citizen ? '填写标题和具体情况后可以提交' : '填写标题和建议内容后可以提交或保存草稿'}</Text>}
      <Button block type="primary" loading={busy} disabled={!ready || busy || (citizen && !toDeputy && !toStation)} onClick={() => save(true)}>
        {citizen ? `${signedOut ? '登录后' : ''}提交给${params.station || addressee?.kind === 'station' ? '联络站' : '代表'}` : '提交建议'}
      </Button>
      {!citizen && (
        <Button block type="primary" fill="outline" disabled={busy || !ready} onClick={() => save(false)}>
          保存草稿
        </Button>
      )}
    </Screen>
  );
}
