"use client";

import { useCallback, useSyncExternalStore } from "react";

// A boolean preference kept in localStorage. The server render uses the fallback;
// the browser's stored value takes over after hydration without a mismatch.
const changeEvent = "framewise:stored-flag";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => {
      const stored = window.localStorage.getItem(key);
      return stored === null ? fallback : stored === "1";
    },
    () => fallback,
  );

  const setValue = useCallback(
    (next: boolean) => {
      window.localStorage.setItem(key, next ? "1" : "0");
      window.dispatchEvent(new Event(changeEvent));
    },
    [key],
  );

  return [value, setValue];
}
