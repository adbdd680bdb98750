export default definePageConfig({ navigationBarTitleText: '找代表', enablePullDownRefresh: true });
