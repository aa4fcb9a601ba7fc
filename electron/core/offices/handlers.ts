import type { CardPreviewView, OwnOffice } from '../../../shared/contracts/offices';
import { KEY_CARD_MAX_BYTES } from '../../../shared/contracts/offices';
import { listAudit } from '../audit/audit-log';
import { formatMinisignPublicKey, keyIdHex } from '../bundle/minisign';
import { OfficeIdentity } from '../bundle/office-keys';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { loadOfficeIdentity, ownKeyCardText, previousOwnFingerprints, rotateOfficeKeys } from './identity';
import {
  acceptRotation,
  getTrustedOffice,
  listTrustedOffices,
  previewCard,
  revokeOffice,
  trustCard,
  type TrustActor,
} from './trust-store';

type OfficesChannel =
  | 'offices:identity'
  | 'offices:list'
  | 'offices:exportCard'
  | 'offices:rotateKeys'
  | 'offices:previewCard'
  | 'offices:trust'
  | 'offices:acceptRotation'
  | 'offices:revoke'
  | 'offices:history';

export function ownOffice(db: Db): OwnOffice {
  const own = loadOfficeIdentity(db);
  if (!own) throw new AppError('OFFICE_IDENTITY_MISSING');
  return {
    officeId: own.officeId,
    officeName: own.officeName,
    fingerprint: own.fingerprint,
    keyId: keyIdHex(own.identity.keyId),
    created: own.createdAt,
    previousFingerprints: previousOwnFingerprints(db),
  };
}

/** The file name of an exported card: the office name made safe, and the date. */
export function keyCardFileName(officeName: string, created: string): string {
  const safe = officeName.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '_').slice(0, 60);
  return `${safe}_keycard_${created.slice(0, 10).replace(/-/g, '')}.json`;
}

/** Card text as it arrives from the renderer or a file: the byte limit of bundle-format.md §5. */
export function checkCardSize(cardText: string): void {
  if (Buffer.byteLength(cardText, 'utf8') > KEY_CARD_MAX_BYTES) throw new AppError('KEYCARD_TOO_LARGE');
}

export function createOfficesHandlers(ctx: ServiceContext): HandlersFor<OfficesChannel> {
  const actor = (hlc: string): TrustActor => {
    const user = ctx.user();
    return {
      name: user.displayName,
      at: new Date(ctx.now()).toISOString(),
      hlc,
      ownOfficeId: ctx.session().office.id,
    };
  };

  return {
    'offices:identity': () => ownOffice(ctx.db()),

    'offices:list': () => listTrustedOffices(ctx.db()),

    'offices:exportCard': () => {
      const own = ownOffice(ctx.db());
      const text = ownKeyCardText(ctx.db());
      const identity = loadOfficeIdentity(ctx.db())!.identity;
      const fileName = keyCardFileName(own.officeName, own.created);
      ctx.write(
        {
          action: 'office.card_export',
          entityType: 'office',
          entityId: own.officeId,
          details: { fingerprint: own.fingerprint, fileName },
        },
        () => {},
      );
      return {
        fileName,
        text,
        minisignPublicKey: formatMinisignPublicKey({
          keyId: identity.keyId,
          publicKey: identity.publicKeys.signing,
        }),
        ageRecipient: identity.ageRecipient,
      };
    },

    'offices:rotateKeys': () => {
      const officeId = ctx.session().office.id;
      const from = ownOffice(ctx.db()).fingerprint;
      // Made before the transaction so the audit entry can name both (public) fingerprints.
      const next = OfficeIdentity.generate();
      ctx.write(
        {
          action: 'office.keys_rotate',
          entityType: 'office',
          entityId: officeId,
          details: { from, to: next.fingerprint },
        },
        (db, hlc) => rotateOfficeKeys(db, hlc, new Date(ctx.now()), next),
      );
      return ownOffice(ctx.db());
    },

    'offices:previewCard': ({ cardText }): CardPreviewView => {
      checkCardSize(cardText);
      const { card, relation, known } = previewCard(ctx.db(), cardText);
      return {
        officeId: card.card.officeId,
        officeName: card.card.officeName,
        fingerprint: card.card.fingerprint,
        keyId: keyIdHex(card.keyId),
        created: card.card.created,
        rotationOf: card.card.rotation?.previousFingerprint ?? null,
        relation,
        known,
      };
    },

    'offices:trust': ({ cardText, fingerprint }) => {
      checkCardSize(cardText);
      // Checked before the transaction too, so a refusal leaves no audit entry and nothing saved.
      const preview = previewCard(ctx.db(), cardText);
      return ctx.write(
        {
          action: 'office.trust',
          entityType: 'trusted_office',
          entityId: preview.card.card.officeId,
          details: {
            name: preview.card.card.officeName,
            fingerprint: preview.card.card.fingerprint,
            ...(preview.known ? { replaced: preview.known.fingerprint } : {}),
          },
        },
        (db, hlc) => trustCard(db, actor(hlc), cardText, fingerprint).office,
      );
    },

    'offices:acceptRotation': ({ cardText }) => {
      checkCardSize(cardText);
      const preview = previewCard(ctx.db(), cardText);
      return ctx.write(
        {
          action: 'office.rotation_accept',
          entityType: 'trusted_office',
          entityId: preview.card.card.officeId,
          details: {
            name: preview.card.card.officeName,
            from: preview.known?.fingerprint ?? null,
            to: preview.card.card.fingerprint,
          },
        },
        (db, hlc) => acceptRotation(db, actor(hlc), cardText).office,
      );
    },

    'offices:revoke': ({ officeId, reason }) => {
      const known = getTrustedOffice(ctx.db(), officeId);
      if (!known) throw new AppError('OFFICE_NOT_TRUSTED');
      return ctx.write(
        {
          action: 'office.revoke',
          entityType: 'trusted_office',
          entityId: officeId,
          details: { name: known.name, fingerprint: known.fingerprint, reason },
        },
        (db, hlc) => revokeOffice(db, actor(hlc), officeId, reason),
      );
    },

    'offices:history': ({ officeId }) =>
      listAudit(ctx.db(), { limit: 500, entityType: 'trusted_office', entityId: officeId }),
  };
}
