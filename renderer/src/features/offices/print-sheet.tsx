import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OwnOffice } from '../../../../shared/contracts/offices';
import { formatDateTime } from '../../i18n/format';
import { MONO_FONT_STACK } from '../../i18n/i18n';
import { fingerprintGroups } from './offices-data';

const PRINTING_CLASS = 'mj-printing-fingerprint';

/* On screen the sheet is hidden; while printing it, everything else is. */
const SHEET_CSS = `
.mj-fingerprint-sheet { display: none; }
@media print {
  body.${PRINTING_CLASS} > *:not(.mj-fingerprint-sheet) { display: none !important; }
  body.${PRINTING_CLASS} { background: #fff !important; }
  body.${PRINTING_CLASS} > .mj-fingerprint-sheet { display: block; max-width: 170mm; margin: 0 auto; }
  @page { size: A4; margin: 25mm 20mm; }
}`;

/** Prints the fingerprint sheet through the browser's (or Electron's) print dialog. */
export function printFingerprintSheet(): void {
  document.body.classList.add(PRINTING_CLASS);
  const done = () => {
    document.body.classList.remove(PRINTING_CLASS);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

const cell = { border: '1px solid #000', padding: '10px 12px', fontSize: 15 } as const;

/**
 * 单位密钥指纹确认单: office name, id, fingerprint, dates and a line for the checker's
 * signature — what the other office keeps on file after comparing the fingerprint.
 */
export function FingerprintSheet({ own }: { own: OwnOffice }) {
  const { t, i18n } = useTranslation();
  // The time of printing, not of opening the page: set (synchronously) just before the dialog.
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const before = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  return createPortal(
    <div
      className="mj-fingerprint-sheet"
      data-testid="fingerprint-sheet"
      style={{ color: '#000', background: '#fff' }}
    >
      <style>{SHEET_CSS}</style>
      <h1 style={{ textAlign: 'center', fontSize: 24, margin: '0 0 24px' }}>{t('offices.print.heading')}</h1>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          <tr>
            <th style={{ ...cell, width: '28%', textAlign: 'left' }}>{t('offices.print.officeName')}</th>
            <td style={cell}>{own.officeName}</td>
          </tr>
          <tr>
            <th style={{ ...cell, textAlign: 'left' }}>{t('offices.print.officeId')}</th>
            <td style={{ ...cell, fontFamily: MONO_FONT_STACK }}>{own.officeId}</td>
          </tr>
          <tr>
            <th style={{ ...cell, textAlign: 'left' }}>{t('offices.print.fingerprint')}</th>
            <td
              style={{
                ...cell,
                fontFamily: MONO_FONT_STACK,
                fontSize: 24,
                fontWeight: 700,
                letterSpacing: 2,
              }}
            >
              {fingerprintGroups(own.fingerprint).slice(0, 4).join('  ')}
              <br />
              {fingerprintGroups(own.fingerprint).slice(4).join('  ')}
            </td>
          </tr>
          <tr>
            <th style={{ ...cell, textAlign: 'left' }}>{t('offices.print.created')}</th>
            <td style={cell}>{formatDateTime(own.created, i18n.language)}</td>
          </tr>
          <tr>
            <th style={{ ...cell, textAlign: 'left' }}>{t('offices.print.printedAt')}</th>
            <td style={cell}>{formatDateTime(printedAt, i18n.language)}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ fontSize: 14, lineHeight: 1.8, margin: '20px 0 48px' }}>
        {t('offices.print.instructions')}
      </p>
      <div style={{ display: 'flex', gap: 48, fontSize: 15 }}>
        <div style={{ flex: 2 }}>
          {t('offices.print.signature')}
          <div style={{ borderBottom: '1px solid #000', height: 40 }} />
        </div>
        <div style={{ flex: 1 }}>
          {t('offices.print.date')}
          <div style={{ borderBottom: '1px solid #000', height: 40 }} />
        </div>
      </div>
    </div>,
    document.body,
  );
}
