import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import {
  WORK_RECORD_KIND_EDITORS,
  WORK_RECORD_KINDS,
  type WorkRecordKind,
  type WorkRecordSummary,
} from '../../../../shared/contracts/work-records';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { CaseGate } from '../intake-leads/common/case-gate';
import { useWorkRecords } from './queries';
import { workRecordColumns } from './work-record-columns';
import { WorkRecordDrawer } from './work-record-drawer';
import { WorkRecordForm } from './work-record-form';

interface WorkRecordsPageProps {
  session: SessionInfo;
  /** A record to show on arrival (a search hit), and its kind, which picks the tab. */
  openId?: string | undefined;
  openKind?: string | undefined;
}

/** Talks, document requests and visits of the current case, one tab per kind. */
export function WorkRecordsPage(props: WorkRecordsPageProps) {
  return <CaseGate>{(caseId) => <WorkRecords caseId={caseId} {...props} />}</CaseGate>;
}

const isKind = (k: string | undefined): k is WorkRecordKind =>
  (WORK_RECORD_KINDS as readonly string[]).includes(k ?? '');

function WorkRecords({
  caseId,
  session,
  openId: initialId,
  openKind,
}: WorkRecordsPageProps & { caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WorkRecordKind>(isKind(openKind) ? openKind : 'talk');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(initialId ?? null);
  const list = useWorkRecords(caseId, kind);
  const canCreate = session.user.roles.some((r) => WORK_RECORD_KIND_EDITORS[kind].includes(r));

  return (
    <PageContainer
      title={t('work-records.title')}
      description={t('work-records.subtitle')}
      data-testid="work-records-page"
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid={`wr-create-${kind}`}
            >
              {t(`work-records.create.${kind}`)}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={kind}
          onChange={(k) => setKind(k as WorkRecordKind)}
          items={WORK_RECORD_KINDS.map((k) => ({
            key: k,
            label: <span data-testid={`wr-tab-${k}`}>{t(`work-records.kinds.${k}`)}</span>,
          }))}
        />
        <ErrorAlert result={list} style={{ marginBottom: 12 }} />
        <Table<WorkRecordSummary>
          rowKey="id"
          size="middle"
          columns={workRecordColumns(kind, t, setOpenId)}
          dataSource={list.data ?? []}
          loading={list.isPending}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t(`work-records.empty.${kind}`) }}
          data-testid="wr-table"
        />
      </Card>
      <WorkRecordForm
        key={kind}
        caseId={caseId}
        kind={kind}
        record={null}
        open={creating}
        onClose={() => setCreating(false)}
      />
      <WorkRecordDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
