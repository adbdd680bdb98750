/** Loading data from the API with its state, and running acts with feedback. */
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './api';

/** Loads `load()` on mount and whenever `deps` change; `reload()` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((v) => {
        if (!live) return;
        setData(v);
        setError(null);
      })
      .catch((err) => live && setError(messageOf(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Runs an act, says it was done (or the API's Chinese error), then calls `after`. */
export function useAct() {
  const { message } = App.useApp();
  return async (act: () => Promise<unknown>, done: string, after?: () => void): Promise<boolean> => {
    try {
      await act();
      message.success(done);
      after?.();
      return true;
    } catch (err) {
      message.error(messageOf(err));
      return false;
    }
  };
}
