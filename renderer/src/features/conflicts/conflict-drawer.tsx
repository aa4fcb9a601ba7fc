import { Alert, Button, Card, Col, Drawer, Flex, Form, Input, Result, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictDetail, ConflictValue } from '../../../../shared/contracts/conflicts';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { useConflict, useResolveConflict } from './queries';

type FieldConflict = ConflictDetail['fields'][number];
const MERGED_MAX = 20_000;

/** The resolve drawer: per field, every value side by side (office, time, value) with pick or merge. */
export function ConflictDrawer({
  target,
  canResolve,
  onClose,
}: {
  target: { type: string; id: string } | null;
  canResolve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useConflict(target?.type ?? null, target?.id ?? null);
  const resolve = useResolveConflict();
  const done = resolve.isSuccess && resolve.data === null;
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        resolve.reset();
        onClose();
      }}
      size="large"
      destroyOnHidden
      title={detail.data ? t('conflicts.drawerTitle', { label: detail.data.label }) : t('conflicts.title')}
      data-testid="conflict-drawer"
    >
      {/* Once all is resolved the record has no conflict left to read: that is not an error. */}
      {done ? null : <ErrorAlert result={detail} />}
      <ErrorAlert result={resolve} style={{ marginBottom: 12 }} data-testid="conflict-resolve-error" />
      {!canResolve ? (
        <Alert type="info" showIcon title={t('conflicts.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      {done ? (
        <Result status="success" title={t('conflicts.allResolved')} data-testid="conflict-all-resolved" />
      ) : null}
      {!done && detail.data
        ? detail.data.fields.map((f) => (
            <FieldCard
              key={f.field}
              conflict={f}
              canResolve={canResolve}
              busy={resolve.isPending}
              onResolve={(value) =>
                resolve.mutate({ type: detail.data.type, id: detail.data.id, field: f.field, value })
              }
            />
          ))
        : null}
    </Drawer>
  );
}

function FieldCard({
  conflict,
  canResolve,
  busy,
  onResolve,
}: {
  conflict: FieldConflict;
  canResolve: boolean;
  busy: boolean;
  onResolve: (value: ConflictValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ merged: string }>();
  const show = (v: ConflictValue) => {
    if (conflict.field === 'deleted_hlc') {
      if (v === null) return t('conflicts.liveValue');
      // A tombstone's value is the HLC of the delete: its first 15 digits are milliseconds.
      const at = new Date(Number(String(v).slice(0, 15))).toISOString();
      return t('conflicts.deletedValue', { at: formatDateTime(at, i18n.language) });
    }
    if (v === null || v === '') return t('conflicts.empty_value');
    return String(v);
  };
  const shown = conflict.values.find((v) => v.shown);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('conflicts.fieldTitle', {
        field: t(`conflicts.fields.${conflict.field}`, { defaultValue: conflict.field }),
      })}
      data-testid={`conflict-field-${conflict.field}`}
    >
      <Row gutter={[12, 12]}>
        {conflict.values.map((v, i) => (
          <Col key={`${v.officeId}-${v.at ?? i}`} xs={24} md={12}>
            <Card
              size="small"
              type="inner"
              title={v.officeName ?? t('conflicts.unknownOffice', { id: v.officeId.slice(0, 8) })}
              extra={v.shown ? <Tag color="blue">{t('conflicts.shown')}</Tag> : null}
              data-testid={`conflict-value-${conflict.field}-${i}`}
            >
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                {t('conflicts.time')}: {v.at ? formatDateTime(v.at, i18n.language) : '—'}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                {show(v.value)}
              </Typography.Paragraph>
              {canResolve ? (
                <Button
                  size="small"
                  onClick={() => onResolve(v.value)}
                  loading={busy}
                  data-testid={`conflict-pick-${conflict.field}-${i}`}
                >
                  {t('conflicts.pick')}
                </Button>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      {canResolve && conflict.text ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ merged: typeof shown?.value === 'string' ? shown.value : '' }}
          onFinish={({ merged }) => onResolve(merged)}
        >
          <Form.Item
            name="merged"
            label={t('conflicts.merged')}
            extra={t('conflicts.mergedHint')}
            rules={[
              { required: true, whitespace: true, message: t('conflicts.mergedRequired') },
              { max: MERGED_MAX, message: t('conflicts.mergedTooLong') },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              data-testid={`conflict-merged-${conflict.field}`}
            />
          </Form.Item>
          <Flex justify="flex-end">
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              data-testid={`conflict-save-merged-${conflict.field}`}
            >
              {t('conflicts.saveMerged')}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
