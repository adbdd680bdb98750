export default definePageConfig({ navigationBarTitleText: '问卷票决' });
