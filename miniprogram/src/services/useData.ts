/** Loading a page's data: loading / error / data states, reloaded every time the page is shown. */
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Runs `load` on mount and on every show; `deps` restart it. */
export function useData<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, deps);
  // The first show is the page opening (the effect above loads it); later shows come back from another page.
  const shows = useRef(0);
  useDidShow(() => {
    if (shows.current++ > 0) void reload();
  });
  return { data, error, loading, reload };
}

/** A page's one-tap acts: runs one, shows `done` or the API's Chinese error as the page's message, and reloads. */
export function useAct(reload: () => Promise<void>) {
  const [message, setMessage] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage(done);
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  return { message, setMessage, act };
}
