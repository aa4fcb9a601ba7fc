import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { transferKeys } from './transfer-data';

/** A possible recipient: an office in the trust store (revoked ones stay listed, disabled). */
export interface RecipientOption {
  officeId: string;
  name: string;
  fingerprint: string;
  revoked: boolean;
}

/** The trust store as export recipients, read through the offices domain's list channel. */
export function useRecipientOptions() {
  return useQuery({
    queryKey: [...transferKeys.root, 'recipients'],
    queryFn: async (): Promise<RecipientOption[]> => {
      const offices = await call('offices:list', {});
      return offices.map((o) => ({
        officeId: o.officeId,
        name: o.name,
        fingerprint: o.fingerprint,
        revoked: o.revokedAt !== null,
      }));
    },
    staleTime: 0,
  });
}
