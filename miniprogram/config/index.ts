/**
 * Taro build configuration: one source, two targets. `weapp` goes to dist/weapp (the root project.config.json
 * opens it in WeChat DevTools); `h5` goes to dist/h5 and is served by the API at /app, where it is also the
 * staff and office web console. The API base is the same origin on H5, LVZHI_API_URL on weapp.
 */
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';

// The typed API client and the labels live in ../contracts, shared with the API and the bot: compile them too.
const contracts = path.resolve(__dirname, '../../contracts');

export default defineConfig<'webpack5'>(() => ({
  projectName: 'lvzhi',
  date: '2026-11-22',
  // Our styles are drawn for a 750-wide design; NutUI's for 375 (its px are doubled like ours).
  designWidth: (input?: { file?: string }) => (input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750),
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  jsMinimizer: 'esbuild',
  esbuild: { minify: { enable: true, config: { target: 'es2017' } } },
  defineConstants: {
    API_BASE: JSON.stringify(process.env.TARO_ENV === 'h5' ? '' : (process.env.LVZHI_API_URL ?? 'http://127.0.0.1:3000')),
    // The subscribe-message templates the server pushes with (WECHAT_TEMPLATE_ID); asked for where people expect news.
    SUBSCRIBE_TEMPLATES: JSON.stringify((process.env.LVZHI_SUBSCRIBE_TEMPLATES ?? process.env.WECHAT_TEMPLATE_ID ?? 'lvzhi-notice').split(',').filter(Boolean)),
  },
  // sitemap.json tells WeChat search which pages it may index (weapp only; app.config names it).
  copy: { patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [], options: {} },
  mini: { compile: { include: [contracts] }, postcss: { pxtransform: { enable: true, config: {} } } },
  h5: {
    compile: { include: [contracts] },
    publicPath: '/app/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    postcss: { autoprefixer: { enable: false }, pxtransform: { enable: true, config: {} } },
  },
}));
