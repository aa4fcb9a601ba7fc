import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Modal, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userNameSchema, type SessionInfo, type User } from '../../../../shared/contract';
import type { Role } from '../../../../shared/roles';
import { mayCall } from '../../app/access';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/error-alert';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { PageContainer } from '../../components/page-container';
import { RoleTags } from '../../components/role-tag';
import { formatDateTime } from '../../i18n/format';
import { errorMessage } from '../../i18n/i18n';
import { RoleSelect, useRoleRules } from './role-select';
import { DisplayNameItem, UserNameItem } from './user-fields';

/** Accounts of this installation: create, assign roles (security admin), remove. */
export function UsersPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const roles = session.user.roles;
  const canCreate = mayCall('users:create', roles);
  const canSetRoles = mayCall('users:setRoles', roles);
  const canRemove = mayCall('users:remove', roles);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => call('users:list', {}) });
  const remove = useMutation({
    mutationFn: (user: User) => call('users:remove', { userId: user.id }),
    onSuccess: (_null, user) => {
      void message.success(t('users.removed', { name: user.name }));
      void client.invalidateQueries({ queryKey: queryKeys.users });
      void client.invalidateQueries({ queryKey: queryKeys.audit });
      void client.invalidateQueries({ queryKey: queryKeys.status });
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });

  const columns: ColumnsType<User> = [
    {
      title: t('fields.userName'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, user) => (
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{name}</Typography.Text>
          {user.id === session.user.id ? <Tag>{t('users.you')}</Tag> : null}
          {user.mustChangePassphrase ? (
            <Tooltip title={t('users.mustChangeHelp')}>
              <Tag color="gold" data-testid={`user-must-change-${name}`}>
                {t('users.mustChange')}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    { title: t('fields.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('fields.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (userRoles: Role[]) => <RoleTags roles={userRoles} />,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 200,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
  ];
  if (canSetRoles || canRemove) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_value, user) => (
        <Flex gap={4}>
          {canSetRoles ? (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(user)}
              data-testid={`user-edit-roles-${user.name}`}
            >
              {t('users.editRoles')}
            </Button>
          ) : null}
          {canRemove ? (
            user.id === session.user.id ? (
              <Tooltip title={t('errors.USER_SELF_REMOVE')}>
                <Button type="link" size="small" danger disabled icon={<DeleteOutlined />}>
                  {t('common.remove')}
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm
                title={t('users.removeConfirmTitle', { name: user.name })}
                description={t('users.removeConfirmBody')}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(user).catch(() => undefined)}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  data-testid={`user-remove-${user.name}`}
                >
                  {t('common.remove')}
                </Button>
              </Popconfirm>
            )
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <PageContainer
      title={t('users.title')}
      description={canSetRoles ? t('users.subtitleSecurity') : t('users.subtitleSystem')}
      data-testid="users-page"
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void users.refetch()} loading={users.isFetching}>
            {t('common.refresh')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="users-create"
            >
              {t('users.create')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={users} style={{ margin: 16 }} />
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.isPending}
          pagination={false}
          data-testid="users-table"
        />
      </Card>
      <CreateUserModal
        open={creating}
        allowSystemRoles={roles.includes('security_admin')}
        onClose={() => setCreating(false)}
      />
      <EditRolesModal user={editing} session={session} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}

interface CreateValues {
  name: string;
  displayName: string;
  roles: Role[];
  passphrase: string;
  passphraseConfirm: string;
}

function CreateUserModal({
  open,
  allowSystemRoles,
  onClose,
}: {
  open: boolean;
  allowSystemRoles: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const name = Form.useWatch('name', form) ?? '';
  const displayName = Form.useWatch('displayName', form) ?? '';
  const roleRules = useRoleRules();
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      call('users:create', {
        name: userNameSchema.parse(values.name),
        displayName: values.displayName.trim(),
        roles: values.roles,
        passphrase: values.passphrase,
      }),
    onSuccess: (user) => {
      void message.success(t('users.created', { name: user.name }));
      // The user must replace the initial passphrase at first sign-in (the core enforces it).
      void client.invalidateQueries({ queryKey: queryKeys.users });
      void client.invalidateQueries({ queryKey: queryKeys.audit });
      void client.invalidateQueries({ queryKey: queryKeys.status });
      onClose();
    },
  });

  const close = () => {
    if (create.isPending) return;
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={close}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        create.reset();
      }}
      width={560}
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="user-form-submit"
        >
          {t('users.createSubmit')}
        </Button>,
      ]}
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => create.mutate(values)}
        onValuesChange={() => create.isError && create.reset()}
        disabled={create.isPending}
        style={{ marginTop: 16 }}
      >
        <UserNameItem name="name" data-testid="user-form-name" />
        <DisplayNameItem data-testid="user-form-display-name" />
        <Form.Item
          name="roles"
          label={t('fields.roles')}
          rules={roleRules}
          extra={allowSystemRoles ? t('users.rolesHelp') : t('users.rolesHelpNoSystem')}
        >
          <RoleSelect data-testid="user-form-roles" allowSystemRoles={allowSystemRoles} />
        </Form.Item>
        <NewPassphraseFields
          name="passphrase"
          label={t('users.initialPassphrase')}
          confirmLabel={t('fields.passphraseConfirm')}
          data-testid="user-form-passphrase"
          userName={name}
          userInputs={[displayName]}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('users.initialPassphraseHelp')}
        </Typography.Paragraph>
        <ErrorAlert result={create} style={{ marginTop: 16 }} data-testid="user-form-error" />
      </Form>
    </Modal>
  );
}

function EditRolesModal({
  user,
  session,
  onClose,
}: {
  user: User | null;
  session: SessionInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const roleRules = useRoleRules();
  const setRoles = useMutation({
    mutationFn: (input: { userId: string; roles: Role[] }) => call('users:setRoles', input),
    onSuccess: (updated) => {
      void message.success(t('users.rolesSaved', { name: updated.name }));
      if (updated.id === session.user.id) {
        client.setQueryData<SessionInfo | null>(queryKeys.session, (current) =>
          current ? { ...current, user: updated } : current,
        );
      }
      void client.invalidateQueries({ queryKey: queryKeys.users });
      void client.invalidateQueries({ queryKey: queryKeys.audit });
      onClose();
    },
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editRolesTitle', { name: user.name, displayName: user.displayName }) : null}
      onCancel={() => !setRoles.isPending && onClose()}
      destroyOnHidden
      afterClose={() => setRoles.reset()}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={setRoles.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={setRoles.isPending}
          onClick={() => form.submit()}
          data-testid="roles-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {user ? (
        <Form<{ roles: Role[] }>
          key={user.id}
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ roles: user.roles }}
          onFinish={(values) => setRoles.mutate({ userId: user.id, roles: values.roles })}
          onValuesChange={() => setRoles.isError && setRoles.reset()}
          style={{ marginTop: 16 }}
        >
          <Form.Item name="roles" label={t('fields.roles')} rules={roleRules} extra={t('users.rolesHelp')}>
            <RoleSelect data-testid="roles-form-roles" />
          </Form.Item>
          <ErrorAlert result={setRoles} />
        </Form>
      ) : null}
    </Modal>
  );
}
