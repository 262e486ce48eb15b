import { useEffect, useState } from 'react';
import { useSearchParams, type SetURLSearchParams } from 'react-router-dom';

/**
 * The page's query parameters as last asked for. The router applies a navigation in a
 * transition, after the event that asked for it; until it has, a control bound to the URL (a
 * checkbox, a select) would snap back for a moment. This answers the asked-for parameters at
 * once, and the URL's again once the router has caught up.
 */
export function useQueryParams(): [URLSearchParams, SetURLSearchParams] {
  const [location, setLocation] = useSearchParams();
  const [pending, setPending] = useState<URLSearchParams | null>(null);
  useEffect(() => setPending(null), [location]);
  const set: SetURLSearchParams = (next, options) => {
    const resolved = typeof next === 'function' ? next(pending ?? location) : next;
    setPending(new URLSearchParams(resolved as ConstructorParameters<typeof URLSearchParams>[0]));
    setLocation(resolved, options);
  };
  return [pending ?? location, set];
}
