/**
 * Pages, subpackages and the tab bar. The four tabs live in the main package (WeChat requires it); the rest of
 * the features are subpackages loaded on first use, preloaded from the tab where people usually go next.
 */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/work/index',
    'pages/messages/index',
    'pages/me/index',
    'pages/login/index',
    'pages/suggestions/index',
    'pages/suggestion/index',
    'pages/compose/index',
    'pages/deputies/index',
  ],
  subPackages: [
    { root: 'engage', pages: ['inbox/index', 'meetings/index', 'surveys/index', 'survey/index'] },
    { root: 'office', pages: ['dashboard/index', 'publish/index'] },
    { root: 'admin', pages: ['regions/index', 'stations/index', 'departments/index', 'users/index', 'audit/index', 'calendar/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['engage'] },
    'pages/work/index': { network: 'all', packages: ['office'] },
    'pages/me/index': { network: 'wifi', packages: ['admin'] },
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-on.png' },
      { pagePath: 'pages/work/index', text: '办件', iconPath: 'assets/tab-work.png', selectedIconPath: 'assets/tab-work-on.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab-messages.png', selectedIconPath: 'assets/tab-messages-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  window: {
    navigationBarTitleText: '履职通',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    // H5 draws the same title bar with a back (or home) button.
    navigationStyle: 'default',
  },
  sitemapLocation: 'sitemap.json',
});
