export default definePageConfig({ navigationBarTitleText: '履职通', enablePullDownRefresh: true });
