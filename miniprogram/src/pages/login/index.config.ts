export default definePageConfig({ navigationBarTitleText: '登录履职通' });
