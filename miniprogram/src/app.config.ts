export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/suggestions/index', 'pages/suggestion/index', 'pages/compose/index', 'pages/deputies/index'],
  subPackages: [
    { root: 'engage', pages: ['inbox/index', 'meetings/index', 'surveys/index', 'survey/index'] },
    { root: 'office', pages: ['dashboard/index', 'publish/index'] },
    { root: 'admin', pages: ['regions/index', 'stations/index', 'departments/index', 'users/index', 'audit/index', 'calendar/index'] },
  ],
  window: { navigationBarTitleText: '履职通', navigationBarBackgroundColor: '#b71c1c', navigationBarTextStyle: 'white', backgroundColor: '#f5f5f5' },
});
