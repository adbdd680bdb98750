/**
 * The NutUI React (Taro) components the app uses, each with its own stylesheet — imported one by one so the
 * weapp main package carries only these, not the whole library.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/step/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Steps } from '@nutui/nutui-react-taro/dist/es/packages/steps';
export { default as Step } from '@nutui/nutui-react-taro/dist/es/packages/step';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
export { default as Badge } from '@nutui/nutui-react-taro/dist/es/packages/badge';
