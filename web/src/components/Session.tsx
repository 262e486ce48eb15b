import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, loadSession, saveSession, SIGNED_OUT_EVENT, request } from '../api/client';
import type { Me } from '../api/types';
import { atLeast, type Role } from '../lib/ids';

interface SessionState {
  me: Me | null;
  /** Why the user was signed out, if the service refused the token. */
  signedOutReason: string | null;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  can: (role: Role) => boolean;
  loading: boolean;
}

const Context = createContext<SessionState | null>(null);

const ME_KEY = 'zt.me';

/** Who signed in last, kept so that a reload draws the page at once while /me is asked again. */
function cachedMe(): Me | null {
  const session = loadSession();
  if (!session) return null;
  try {
    const me = JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as Me | null;
    return me && me.username === session.username ? me : null;
  } catch {
    return null;
  }
}

function remember(me: Me | null) {
  if (me) localStorage.setItem(ME_KEY, JSON.stringify(me));
  else localStorage.removeItem(ME_KEY);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(cachedMe);
  const [loading, setLoading] = useState(() => loadSession() !== null && cachedMe() === null);
  const setMe = useCallback((next: Me | null) => {
    remember(next);
    setMeState(next);
  }, []);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  useEffect(() => {
    if (!loadSession()) return;
    // the role may have changed since the last visit: the page follows what the service says now
    api
      .get<Me>('/api/v1/me')
      .then(setMe)
      .catch(() => {
        saveSession(null);
        setMe(null);
      })
      .finally(() => setLoading(false));
  }, [setMe]);

  useEffect(() => {
    const onSignedOut = (event: Event) => {
      setMe(null);
      setSignedOutReason(String((event as CustomEvent).detail ?? 'expired'));
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [setMe]);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await request<{ access_token: string; expires_in: number; username?: string }>('POST', '/login', {
      body: { username, password },
      anonymous: true,
    });
    saveSession({
      token: answer.access_token,
      username: answer.username ?? username,
      expiresAt: Date.now() + (answer.expires_in ?? 3600) * 1000,
    });
    const who = await api.get<Me>('/api/v1/me');
    setSignedOutReason(null);
    setMe(who);
  }, [setMe]);

  const signOut = useCallback(() => {
    saveSession(null);
    setSignedOutReason(null);
    setMe(null);
  }, [setMe]);

  const can = useCallback((role: Role) => atLeast(me?.effectiveRole, role), [me]);

  return <Context.Provider value={{ me, signedOutReason, signIn, signOut, can, loading }}>{children}</Context.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
