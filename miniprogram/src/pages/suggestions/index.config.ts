export default definePageConfig({ navigationBarTitleText: '建议', enablePullDownRefresh: true });
