/** The console's frame: sign-in, then a side menu by role, a header with the user, and the page of the route. */
import { BarChartOutlined, MenuOutlined, CheckSquareOutlined, FileSearchOutlined, LogoutOutlined, ScheduleOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Result, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../contracts/schemas';
import { api, currentToken, saveToken } from './api';
import { go, useRoute } from './router';
import { SessionContext } from './session';
import { SignIn } from './pages/SignIn';
import { Dashboard } from './pages/Dashboard';
import { SuggestionList } from './pages/SuggestionList';
import { ConfirmQueue } from './pages/ConfirmQueue';
import { Tasks } from './pages/Tasks';
import { SuggestionDetailPage } from './pages/SuggestionDetail';
import { Publish } from './pages/Publish';
import { Meetings } from './pages/Meetings';
import { Questionnaires } from './pages/Questionnaires';
import { AdminPages } from './pages/Admin';

interface Item {
  key: string;
  label: string;
  icon: ReactNode;
  roles: Me['role'][];
}

const MENU: Item[] = [
  { key: '/dashboard', label: '统计看板', icon: <BarChartOutlined />, roles: ['office', 'admin'] },
  { key: '/tasks', label: '我的任务', icon: <ScheduleOutlined />, roles: ['staff'] },
  { key: '/suggestions', label: '建议列表', icon: <FileSearchOutlined />, roles: ['office', 'admin', 'staff'] },
  { key: '/confirm', label: '分办确认', icon: <CheckSquareOutlined />, roles: ['office'] },
  { key: '/publish', label: '发布', icon: <FormOutlined />, roles: ['office'] },
  { key: '/meetings', label: '会议活动', icon: <TeamOutlined />, roles: ['office'] },
  { key: '/questionnaires', label: '问卷结果', icon: <SolutionOutlined />, roles: ['office'] },
  { key: '/admin', label: '系统管理', icon: <SettingOutlined />, roles: ['office', 'admin'] },
];

const home = (me: Me) => (me.role === 'staff' ? '/tasks' : '/dashboard');

/** The whole console. */
export function Shell() {
  const [me, setMe] = useState<Me | null | undefined>(currentToken() ? undefined : null);
  const route = useRoute();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawer, setDrawer] = useState(false);

  useEffect(() => {
    if (me !== undefined) return;
    api
      .me()
      .then(setMe)
      .catch(() => {
        saveToken(null);
        setMe(null);
      });
  }, [me]);

  const items = useMemo(() => (me ? MENU.filter((m) => m.roles.includes(me.role)) : []), [me]);
  const section = '/' + (route.path.split('/')[1] ?? '');

  useEffect(() => {
    document.title = `${items.find((i) => i.key === section)?.label ?? '工作台'} · 履职通`;
    setDrawer(false);
  }, [section, items]);

  if (me === undefined) return <Spin fullscreen tip="正在打开…" />;
  if (me === null)
    return (
      <SignIn
        onSignedIn={(m) => {
          setMe(m);
          go(home(m));
        }}
      />
    );
  if (!['office', 'staff', 'admin'].includes(me.role))
    return (
      <Result
        status="info"
        title="工作台供人大机关、承办单位和管理员使用"
        subTitle="代表和群众请使用“履职通”小程序。"
        extra={
          <Button
            type="primary"
            onClick={() => {
              saveToken(null);
              setMe(null);
            }}
          >
            换一个账号登录
          </Button>
        }
      />
    );

  const signOut = () => {
    saveToken(null);
    setMe(null);
    window.location.hash = '';
  };
  const path = route.path === '/' ? home(me) : route.path;
  const parts = path.split('/').filter(Boolean);
  let page: ReactNode;
  if (parts[0] === 'dashboard') page = <Dashboard />;
  else if (parts[0] === 'suggestions' && parts[1]) page = <SuggestionDetailPage id={Number(parts[1])} />;
  else if (parts[0] === 'suggestions') page = <SuggestionList query={route.query} />;
  else if (parts[0] === 'confirm') page = <ConfirmQueue />;
  else if (parts[0] === 'tasks') page = <Tasks />;
  else if (parts[0] === 'publish') page = <Publish tab={parts[1]} />;
  else if (parts[0] === 'meetings') page = <Meetings id={parts[1] ? Number(parts[1]) : undefined} projector={parts[2] === 'qr'} />;
  else if (parts[0] === 'questionnaires') page = <Questionnaires id={parts[1] ? Number(parts[1]) : undefined} />;
  else if (parts[0] === 'admin') page = <AdminPages tab={parts[1]} />;
  else page = <Result status="404" title="没有这个页面" extra={<Button href={`#${home(me)}`}>回到首页</Button>} />;

  if (parts[0] === 'meetings' && parts[2] === 'qr') return <SessionContext.Provider value={{ me, signOut }}>{page}</SessionContext.Provider>;

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[`/${parts[0] ?? ''}`]}
      items={items.map((i) => ({ key: i.key, icon: i.icon, label: <a href={`#${i.key}`}>{i.label}</a> }))}
    />
  );

  return (
    <SessionContext.Provider value={{ me, signOut }}>
      <Layout style={{ minHeight: '100vh' }}>
        {!narrow && (
          <Layout.Sider width={208} aria-label="主菜单">
            <div className="brand">履职通 · 工作台</div>
            {menu}
          </Layout.Sider>
        )}
        <Drawer open={narrow && drawer} onClose={() => setDrawer(false)} placement="left" width={240} title="履职通 · 工作台" styles={{ body: { padding: 0, background: '#7f1d1d' } }}>
          {menu}
        </Drawer>
        <Layout>
          <Layout.Header className="header">
            {narrow && (
              <Button type="text" onClick={() => setDrawer(true)} icon={<MenuOutlined />}>
                菜单
              </Button>
            )}
            <Typography.Text className="who">
              {me.name}
              <span className="role">（{me.roleLabel}{me.region ? ` · ${me.region.name}` : ''}{me.department ? ` · ${me.department.name}` : ''}）</span>
            </Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={signOut}>
              退出
            </Button>
          </Layout.Header>
          <Layout.Content className="content">
            <main>{page}</main>
          </Layout.Content>
        </Layout>
      </Layout>
      <style>{CSS}</style>
    </SessionContext.Provider>
  );
}

const CSS = `
.brand{color:#fff;font-size:17px;font-weight:600;padding:18px 20px;letter-spacing:1px}
.header{display:flex;align-items:center;gap:12px;background:#fff !important;padding:0 20px !important;border-bottom:1px solid #e5e7eb;height:auto !important;min-height:56px;flex-wrap:wrap}
.header .who{margin-left:auto;font-size:15px}
.header .role{color:rgba(0,0,0,0.68)}
.content{padding:20px;max-width:1400px;width:100%;box-sizing:border-box}
.ant-menu-dark .ant-menu-item a{color:inherit}
.page-title{margin-top:0 !important}
.ant-tag-green{color:#166534 !important}.ant-tag-orange{color:#9a3412 !important}.ant-tag-gold{color:#854d0e !important}.ant-tag-red{color:#991b1b !important}.ant-tag-blue{color:#1e40af !important}
.kpi .ant-statistic-title{color:rgba(0,0,0,0.7)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:12px;align-items:center}
.progress-plain{margin-top:12px;font-size:15px}.progress-plain p{margin:4px 0}
.next-step{padding:8px 12px;border-radius:6px;background:#f5f5f5}.next-step-you{background:#fff4e5;border-left:4px solid #d46b08}
.action-list{display:flex;flex-direction:column;gap:10px}
.action-row{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px}
.action-row .ant-btn{min-width:8em;max-width:100%;white-space:normal;height:auto;min-height:32px}
.action-effect{color:rgba(0,0,0,0.72);flex:1 1 16em}
@media (max-width: 600px){.content{padding:10px}.header{padding:0 10px !important}.header .role{display:none}}
`;
