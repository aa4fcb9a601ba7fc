import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const TOUCH_INTERVAL_MS = 60_000;
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once when there has been no mouse, keyboard, wheel or touch activity
 * for `minutes`. Wall-clock based, so a sleeping machine locks as soon as it wakes.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const limitMs = minutes * 60_000;
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const markActivity = () => {
      lastActivity = Date.now();
      // The core keeps its own idle timer; tell it about activity at most once a minute.
      if (lastActivity - lastTouch >= TOUCH_INTERVAL_MS) {
        lastTouch = lastActivity;
        void call('session:touch', {}).catch(() => undefined);
      }
    };
    const check = () => {
      const idleMs = Date.now() - lastActivity;
      if (idleMs >= limitMs) {
        timer = undefined;
        onIdleRef.current();
      } else {
        timer = setTimeout(check, limitMs - idleMs);
      }
    };
    timer = setTimeout(check, limitMs);
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, markActivity, { capture: true, passive: true });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActivity, { capture: true });
    };
  }, [minutes]);
}

const SESSION_WATCH_INTERVAL_MS = 30_000;

/**
 * The core also locks on its own (its idle timer counts calls, not mouse moves). This
 * asks it every 30 s whether the session still exists, so data never stays on screen
 * after the core has dropped the key.
 */
export function useSessionWatch(onGone: () => void): void {
  const onGoneRef = useRef(onGone);
  useEffect(() => {
    onGoneRef.current = onGone;
  }, [onGone]);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(() => {
      void call('session:current', {})
        .then((info) => {
          if (!stopped && info === null) onGoneRef.current();
        })
        .catch(() => undefined);
    }, SESSION_WATCH_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
}
