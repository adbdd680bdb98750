/** Sign-in with username and password (office, department staff, admin). */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../contracts/schemas';
import { api, messageOf, saveToken } from '../api';

/** The sign-in page. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(v.username.trim(), v.password);
      saveToken(r.token);
      onSignedIn(r.user);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#7f1d1d,#b3261e)', padding: 16, boxSizing: 'border-box' }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
          履职通 · 工作台
        </Typography.Title>
        <Typography.Paragraph>人大机关、承办单位和系统管理员在这里登录。代表和群众请使用“履职通”小程序。</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
