import { useEffect } from 'react';
import { site } from '../site';

/** Sets the browser tab title: "<page> | Cổng dịch vụ công tỉnh ...". */
export function usePageTitle(title: string | undefined, suffix: string = site.portalTitle) {
  useEffect(() => {
    document.title = title ? `${title} | ${suffix}` : suffix;
  }, [title, suffix]);
}
