export default definePageConfig({ navigationBarTitleText: '会议活动' });
