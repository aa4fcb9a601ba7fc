import { Button, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { WorkRecordKind, WorkRecordSummary } from '../../../../shared/contracts/work-records';
import { StatusTag } from './status-tag';

type Columns = ColumnsType<WorkRecordSummary>;

const names = (r: WorkRecordSummary, part: string, sep: string) =>
  r.people
    .filter((p) => p.part === part)
    .map((p) => p.displayName)
    .join(sep);

/** The list columns of one kind of work record; the number opens the record. */
export function workRecordColumns(kind: WorkRecordKind, t: TFunction, open: (id: string) => void): Columns {
  const sep = t('common.listSeparator');
  const number: Columns[number] = {
    title: t('work-records.columns.number'),
    dataIndex: 'number',
    width: 140,
    sorter: (a, b) => a.number.localeCompare(b.number),
    render: (n: string, r) => (
      <Button type="link" size="small" onClick={() => open(r.id)} data-testid={`wr-open-${n}`}>
        {n}
      </Button>
    ),
  };
  const date: Columns[number] = {
    title: t(`work-records.columns.date.${kind}`),
    dataIndex: 'date',
    width: 120,
    defaultSortOrder: 'descend',
    sorter: (a, b) => a.date.localeCompare(b.date),
  };
  const leads: Columns[number] = {
    title: t('work-records.columns.leads'),
    dataIndex: 'leadCount',
    width: 100,
    render: (n: number) => (n > 0 ? <Tag color="volcano">{t('work-records.leadCount', { n })}</Tag> : '—'),
  };
  if (kind === 'talk') {
    return [
      number,
      date,
      {
        title: t('work-records.columns.interviewee'),
        key: 'interviewee',
        render: (_v, r) => (
          <Flex vertical>
            <span>{r.interviewee?.name}</span>
            {r.interviewee?.post ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.interviewee.post}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      },
      { title: t('work-records.columns.place'), dataIndex: 'place', ellipsis: true },
      {
        title: t('work-records.columns.asker'),
        key: 'asker',
        width: 110,
        render: (_v, r) => names(r, 'asker', sep),
      },
      {
        title: t('work-records.columns.recorder'),
        key: 'recorder',
        width: 110,
        render: (_v, r) => names(r, 'recorder', sep),
      },
      leads,
    ];
  }
  if (kind === 'document_request') {
    return [
      number,
      date,
      { title: t('work-records.columns.subject'), dataIndex: 'subject', ellipsis: true },
      {
        title: t('work-records.columns.unit'),
        key: 'unit',
        width: 180,
        ellipsis: true,
        render: (_v, r) => r.unit?.name ?? '—',
      },
      {
        title: t('work-records.columns.receivedDate'),
        dataIndex: 'receivedDate',
        width: 120,
        render: (d: string | null) => d ?? '—',
      },
      {
        title: t('work-records.columns.status'),
        dataIndex: 'status',
        width: 120,
        render: (s: WorkRecordSummary['status']) => (s ? <StatusTag status={s} /> : '—'),
      },
      leads,
    ];
  }
  return [
    number,
    date,
    {
      title: t('work-records.columns.visitMode'),
      dataIndex: 'visitMode',
      width: 90,
      render: (m: WorkRecordSummary['visitMode']) =>
        m ? (
          <Tag color={m === 'unannounced' ? 'volcano' : 'blue'}>{t(`work-records.visitModes.${m}`)}</Tag>
        ) : (
          '—'
        ),
    },
    { title: t('work-records.columns.place'), dataIndex: 'place', ellipsis: true },
    {
      title: t('work-records.columns.visitUnit'),
      key: 'unit',
      width: 180,
      ellipsis: true,
      render: (_v, r) => r.unit?.name ?? '—',
    },
    {
      title: t('work-records.columns.participants'),
      key: 'people',
      render: (_v, r) => names(r, 'participant', sep),
    },
    leads,
  ];
}
