/** The desktop console's entry: Chinese locale (antd zh_CN), the app shell. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { Shell } from './Shell';

const theme = {
  token: { colorPrimary: '#b3261e', colorLink: '#0b57d0', colorError: '#c62828', colorTextPlaceholder: 'rgba(0,0,0,0.6)', fontSize: 15, fontSizeSM: 14, borderRadius: 6, colorTextSecondary: 'rgba(0,0,0,0.68)', colorTextTertiary: 'rgba(0,0,0,0.6)', colorTextDescription: 'rgba(0,0,0,0.62)' },
  components: { Menu: { darkItemBg: '#7f1d1d', darkSubMenuItemBg: '#6b1818', darkItemSelectedBg: '#b3261e', darkItemColor: 'rgba(255,255,255,0.9)' }, Layout: { siderBg: '#7f1d1d' } },
};

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
    <AntApp>
      <Shell />
    </AntApp>
  </ConfigProvider>,
);
