/**
 * Sign-in: on WeChat with wx.login — with the invitation code from a scanned QR code (the page opened with
 * ?invitation=CODE, a mini-program code's `scene`, or an ordinary link QR code's `q`) or typed in, the first time;
 * in the browser with username and password (staff, office, admin), or — when the server is in demo mode — as a
 * demo deputy or citizen by name.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Screen } from '../../components/Screen';
import { Button } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { signedIn } from '../../services/me';
import { pendingBack } from '../../services/pending';
import './index.css';

const DEMO_USERS = [
  ['deputy01', '代表（demo）'],
  ['deputy02', '代表二（demo）'],
  ['citizen01', '群众（demo）'],
] as const;

/** The invitation code the page was opened with, if any. */
function invitationFrom(params: Record<string, string | undefined>): string {
  const decode = (v: string) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  if (params.invitation) return decode(params.invitation);
  if (params.scene) return decode(params.scene).replace(/^invitation=/, '');
  const link = params.q ? /[?&]invitation=([^&#]+)/.exec(decode(params.q)) : null;
  return link ? decode(link[1]) : '';
}

export default function Login() {
  const params = useRouter().params;
  const [invitation, setInvitation] = useState(() => invitationFrom(params));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const done = async (p: Promise<{ token: string; user: Parameters<typeof signedIn>[1] }>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await p;
      signedIn(r.token, r.user);
      // A citizen who scanned a code and typed an opinion goes back to it, text kept; everyone else goes home.
      Taro.reLaunch({ url: pendingBack() ?? '/pages/index/index' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const wechat = async () => {
    const { code } = await Taro.login();
    await done(api.wechatLogin(code, invitation.trim() || undefined));
  };

  const waiting = pendingBack();
  return (
    <Screen>
      <View className="card">
        <Text className="title">履职通</Text>
        <Text className="muted">人大代表履职服务平台</Text>
      </View>
      {waiting && (
        <View className="card addressee">
          <Text className="line">您写的意见已替您保存，登录后回到原页面，点“提交给代表”即可送出。</Text>
        </View>
      )}
      {process.env.TARO_ENV === 'weapp' && (
        <View className="card">
          <Text className="label">邀请码（第一次登录时填写，扫码进入会自动带上）</Text>
          <Input className="input" name="invitation" aria-label="邀请码" placeholder="人大工作人员发给您的 8 位邀请码" value={invitation} onInput={(e) => setInvitation(e.detail.value)} />
          <Button block type="primary" loading={busy} onClick={wechat}>
            {invitation.trim() ? '用邀请码绑定微信并登录' : '微信一键登录'}
          </Button>
        </View>
      )}
      <View className="card">
        <Text className="label">账号（工作人员、人大办公室）</Text>
        <Input className="input" name="username" aria-label="账号" placeholder="请输入账号" value={username} onInput={(e) => setUsername(e.detail.value)} />
        <Text className="label">密码</Text>
        <Input className="input" name="password" aria-label="密码" password placeholder="请输入密码" value={password} onInput={(e) => setPassword(e.detail.value)} />
        {error && <Text className="error">{error}</Text>}
        <Button block type="primary" loading={busy} disabled={!username || !password} onClick={() => done(api.login(username.trim(), password))}>
          登录
        </Button>
        {(!username || !password) && <Text className="hint">填写账号和密码后可以登录</Text>}
      </View>
      <View className="card">
        <Text className="label">演示体验（服务器开启演示模式时可用）</Text>
        {DEMO_USERS.map(([name, label]) => (
          <Button key={name} block fill="outline" type="primary" className="demo-user" onClick={() => done(api.devLogin(name))}>
            {`以${label}身份进入`}
          </Button>
        ))}
        <View className="row">
          <Input className="input demo-input" aria-label="演示用户名" placeholder="其他演示用户名，如 citizen02" value={username} onInput={(e) => setUsername(e.detail.value)} />
          <Button type="primary" fill="outline" disabled={!username} onClick={() => done(api.devLogin(username.trim()))}>
            演示登录
          </Button>
        </View>
      </View>
    </Screen>
  );
}
