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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(() => loadSession() !== null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  useEffect(() => {
    if (!loadSession()) return;
    api
      .get<Me>('/api/v1/me')
      .then(setMe)
      .catch(() => {
        saveSession(null);
        setMe(null);
      })
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    const onSignedOut = (event: Event) => {
      setMe(null);
      setSignedOutReason(String((event as CustomEvent).detail ?? 'expired'));
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

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
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSignedOutReason(null);
    setMe(null);
  }, []);

  const can = useCallback((role: Role) => atLeast(me?.effectiveRole, role), [me]);

  return <Context.Provider value={{ me, signedOutReason, signIn, signOut, can, loading }}>{children}</Context.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
