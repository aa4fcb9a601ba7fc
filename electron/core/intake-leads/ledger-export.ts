import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { IntakeItem, Lead } from '../../../shared/contracts/intake-leads';
import enIntake from '../../../shared/locales/en/intake.json' with { type: 'json' };
import enLeads from '../../../shared/locales/en/leads.json' with { type: 'json' };
import cnIntake from '../../../shared/locales/zh-CN/intake.json' with { type: 'json' };
import cnLeads from '../../../shared/locales/zh-CN/leads.json' with { type: 'json' };
import twIntake from '../../../shared/locales/zh-TW/intake.json' with { type: 'json' };
import twLeads from '../../../shared/locales/zh-TW/leads.json' with { type: 'json' };
import enReference from '../../../shared/locales/en/reference.json' with { type: 'json' };
import cnReference from '../../../shared/locales/zh-CN/reference.json' with { type: 'json' };
import twReference from '../../../shared/locales/zh-TW/reference.json' with { type: 'json' };
import type { LocaleId } from '../../../shared/locale-ids';

const CATALOGS = {
  'zh-CN': { intake: cnIntake, leads: cnLeads, levels: cnReference.levels as Record<string, string> },
  'zh-TW': { intake: twIntake, leads: twLeads, levels: twReference.levels as Record<string, string> },
  en: { intake: enIntake, leads: enLeads, levels: enReference.levels as Record<string, string> },
} as const;

export interface ExportedFile {
  fileName: string;
  base64: string;
  sha256: string;
  rows: number;
}

type Cell = string | null;

async function workbook(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mingjing';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(40, Math.max(10, (headers[i]?.length ?? 4) * 2 + 4));
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pack(fileName: string, bytes: Buffer, rows: number): ExportedFile {
  return {
    fileName,
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows,
  };
}

/**
 * The intake ledger as the people keep it by hand. The reporter columns are filled
 * only in `items` that carry a reporter (the caller strips it for other roles).
 */
export async function exportIntake(
  items: IntakeItem[],
  lang: LocaleId,
  withReporter: boolean,
  stamp: string,
): Promise<ExportedFile> {
  const t = CATALOGS[lang].intake;
  const c = t.columns;
  const headers = [
    c.number,
    c.channel,
    c.receivedDate,
    c.realName,
    ...(withReporter ? [c.reporter, c.reporterContact] : []),
    c.subjects,
    c.summary,
    c.content,
    c.scope,
    c.scopeReason,
    c.ackDue,
    c.replyDue,
    c.replies,
    c.owner,
    c.status,
  ];
  const rows = items.map((i) => [
    i.number,
    t.channels[i.channel],
    i.receivedDate,
    i.realName ? t.realNames.real : t.realNames.anonymous,
    ...(withReporter
      ? [[i.reporter?.name, i.reporter?.unitOrAddress].filter(Boolean).join(' '), i.reporter?.contact ?? null]
      : []),
    i.subjects.map((s) => s.name).join('；'),
    i.summary,
    i.content,
    i.scopeDecision ? t.scopes[i.scopeDecision] : null,
    i.scopeReason,
    i.ackDue,
    i.replyDue,
    i.replies.map((r) => `${r.date} ${t.replyKinds[r.kind]}（${t.replyWays[r.way]}）`).join('\n'),
    i.owner?.displayName ?? null,
    t.statuses[i.status],
  ]);
  return pack(`${t.title}-${stamp}.xlsx`, await workbook(t.title, headers, rows), rows.length);
}

/** The lead ledger with the columns of DOMAIN.md; one row per lead (sealed ones already removed). */
export async function exportLeads(
  leads: Lead[],
  lang: LocaleId,
  labels: { disciplines: Map<string, string>; tags: Map<string, string> },
  stamp: string,
): Promise<ExportedFile> {
  const t = CATALOGS[lang].leads;
  const levels = CATALOGS[lang].levels;
  const c = t.columns;
  const headers = [
    c.number,
    c.source,
    c.receivedDate,
    c.subjectName,
    c.subjectUnit,
    c.subjectPost,
    c.subjectLevel,
    c.summary,
    c.discipline,
    c.tags,
    c.disposal,
    c.approver,
    c.receivingBody,
    c.deadline,
    c.status,
    c.result,
    c.feedbackDate,
  ];
  const join = (values: (string | null)[]) => values.map((v) => v ?? '—').join('；');
  const rows = leads.map((l) => [
    l.number,
    l.sources
      .map((s) => (s.intakeNumber ? `${t.sourceKinds[s.kind]} ${s.intakeNumber}` : t.sourceKinds[s.kind]))
      .join('；'),
    l.receivedDate,
    join(l.subjects.map((s) => s.name)),
    join(l.subjects.map((s) => s.unitName)),
    join(l.subjects.map((s) => s.post)),
    // Persons carry the reference domain's level codes; free-text levels stay as typed.
    join(
      l.subjects.map((s) => (s.managementLevel ? (levels[s.managementLevel] ?? s.managementLevel) : null)),
    ),
    l.summary,
    l.discipline ? (labels.disciplines.get(l.discipline) ?? l.discipline) : null,
    l.tags.map((tag) => labels.tags.get(tag) ?? tag).join('、'),
    l.disposal ? t.disposals[l.disposal] : null,
    l.approver?.displayName ?? null,
    l.receivingBody,
    l.deadline,
    t.statuses[l.status],
    l.result,
    l.feedbackDate,
  ]);
  return pack(`${t.title}-${stamp}.xlsx`, await workbook(t.title, headers, rows), rows.length);
}
