export default definePageConfig({ navigationBarTitleText: '找代表' });
