import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/i18n';

/**
 * A row's edit and remove links; remove asks first (with `confirmTitle`) and shows the
 * core's refusal as a message (a unit still holding persons, for example).
 */
export function EditRemoveActions({
  onEdit,
  onRemove,
  confirmTitle,
}: {
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
  confirmTitle: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Flex gap={4}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
        {t('reference.edit')}
      </Button>
      <Popconfirm
        title={confirmTitle}
        okText={t('common.remove')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => onRemove().catch((e: unknown) => void message.error(errorMessage(t, e)))}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
          {t('common.remove')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
