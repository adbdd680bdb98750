/** The app shell: the request interceptor chain is installed once, before any page asks for data. */
import type { PropsWithChildren } from 'react';
import './services/api';
import { watchAccessibility } from './services/a11y';
import './app.css';

watchAccessibility();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
