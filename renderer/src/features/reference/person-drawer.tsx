import { DeleteOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Row,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_LEVELS, type Person, type PersonPost } from '../../../../shared/contracts/reference';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { Attachments } from '../../components/attachments/attachments-panel';
import { RecordHistory } from '../../components/record-history';
import { errorMessage } from '../../i18n/i18n';
import { DateField, notBefore } from './date-field';
import { EnumSelect } from './enum-select';
import { DateRange, useHistoryFormat } from './format';
import { refKeys, useRefMutation } from './queries';
import { UnitSelect } from './unit-select';
import { BRANCH, ENTITY, CHECKED, FIELD } from './keys';

/** One person: details (ID number masked by the core unless the role may read it), posts, history. */
export function PersonDrawer({
  personId,
  canEdit,
  onClose,
}: {
  personId: string | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useHistoryFormat();
  const person = useQuery({
    queryKey: refKeys.person(personId ?? ''),
    queryFn: () => call('persons:get', { id: personId! }),
    enabled: personId !== null,
  });
  const p = person.data;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      width={760}
      title={p?.name ?? t('reference.persons.detail')}
      data-testid="person-drawer"
    >
      <ErrorAlert result={person} />
      {!p ? (
        <Spin />
      ) : (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('reference.fullName')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.aliases')}>
              {p.aliases.join(t('common.listSeparator'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.gender')}>
              {p.gender ? t(`reference.genders.${p.gender}`) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.birthDate')}>{p.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.unitId')}>{p.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.post')}>
              {p.post}{' '}
              {p.isLeadership ? <Tag color="volcano">{t('reference.fields.isLeadership')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.managementLevel')}>
              {p.managementLevel ? t(`reference.levels.${p.managementLevel}`) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.idNumber')}>
              <span data-testid="person-id-number">{p.idNumber}</span>
              {p.idNumberMasked ? (
                <Tooltip title={t('reference.persons.idNumberMasked')}>
                  <LockOutlined style={{ marginLeft: 8, color: '#faad14' }} />
                </Tooltip>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.notes')} span={2}>
              {p.notes}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('reference.persons.posts')}
          </Typography.Title>
          <PostsTable person={p} canEdit={canEdit} />
          {canEdit ? <AddPostForm personId={p.id} /> : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('attachments.tab')}
          </Typography.Title>
          <Attachments recordType={ENTITY.person} recordId={p.id} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('history.title')}
          </Typography.Title>
          <RecordHistory entityType={ENTITY.person} entityId={p.id} {...format} />
        </>
      )}
    </Drawer>
  );
}

function PostsTable({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRefMutation('persons:removePost');
  const postColumns: ColumnsType<PersonPost> = [
    { title: t('reference.fields.unitId'), dataIndex: 'unitName' },
    {
      title: t('reference.fields.post'),
      dataIndex: 'post',
      render: (post: string, r) => (
        <>
          {post} {r.isLeadership ? <Tag color="volcano">{t('reference.fields.isLeadership')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('reference.persons.period'),
      key: 'period',
      render: (_v, r) => <DateRange from={r.fromDate} to={r.toDate} />,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_v: unknown, r: PersonPost) => (
              <Popconfirm
                title={t('reference.persons.removePostConfirm')}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove
                    .mutateAsync({ id: r.id })
                    .catch((e: unknown) => void message.error(errorMessage(t, e)))
                }
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<PersonPost>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={person.posts}
      data-testid="person-posts"
      locale={{ emptyText: t('reference.persons.noPosts') }}
      columns={postColumns}
    />
  );
}

interface PostValues {
  unitId: string;
  post: string;
  managementLevel?: PersonPost['managementLevel'];
  isLeadership?: boolean;
  fromDate?: string | null;
  toDate?: string | null;
}

function AddPostForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostValues>();
  const add = useRefMutation('persons:addPost', () => {
    void message.success(t('reference.persons.postAdded'));
    form.resetFields();
  });
  return (
    <Card size="small" title={t('reference.persons.addPost')} style={{ marginTop: 12 }}>
      <Form<PostValues>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate({
            personId,
            unitId: v.unitId,
            post: v.post.trim(),
            managementLevel: v.managementLevel ?? null,
            isLeadership: v.isLeadership ?? false,
            fromDate: v.fromDate ?? null,
            toDate: v.toDate ?? null,
          })
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label={t('reference.fields.unitId')}
              rules={[{ required: true, message: t('reference.required') }]}
            >
              <UnitSelect data-testid="post-form-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="post"
              label={t('reference.fields.post')}
              rules={[
                { required: true, whitespace: true, message: t('reference.required') },
                { max: 80, message: t('validation.maxLength', { max: 80 }) },
              ]}
            >
              <Input data-testid="post-form-post" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="managementLevel" label={t('reference.fields.managementLevel')}>
              <EnumSelect branch={BRANCH.levels} values={MANAGEMENT_LEVELS} allowClear />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fromDate" label={t('reference.fields.fromDate')}>
              <DateField data-testid="post-form-from" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="toDate"
              label={t('reference.fields.toDate')}
              dependencies={[FIELD.fromDate]}
              rules={[notBefore(FIELD.fromDate, t('reference.datesOutOfOrder'))]}
            >
              <DateField data-testid="post-form-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isLeadership" valuePropName={CHECKED} style={{ marginBottom: 8 }}>
          <Checkbox>{t('reference.persons.leadershipPost')}</Checkbox>
        </Form.Item>
        <ErrorAlert result={add} style={{ marginBottom: 8 }} />
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="post-form-submit">
          {t('reference.persons.addPost')}
        </Button>
      </Form>
    </Card>
  );
}
