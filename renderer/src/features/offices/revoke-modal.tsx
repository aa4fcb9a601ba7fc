import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrustedOfficeView } from '../../../../shared/contracts/offices';
import { ErrorAlert } from '../../components/error-alert';
import { FormModal } from '../../components/form-modal';
import { useRevokeOffice } from './offices-data';

const REASON_MAX = 500;

/** 撤销信任: the reason is required; the office stays listed, marked revoked. */
export function RevokeModal({ office, onClose }: { office: TrustedOfficeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeOffice();
  const name = office?.name ?? '';
  return (
    <FormModal
      open={office !== null}
      title={t('offices.revoke.title', { name })}
      form={form}
      save={revoke}
      onClose={onClose}
      submitTestId="offices-revoke-confirm"
    >
      <Alert type="warning" showIcon title={t('offices.revoke.body')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          office &&
          revoke.mutate(
            { officeId: office.officeId, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('offices.revoke.done', { name }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('offices.revoke.reason')}
          rules={[
            { required: true, whitespace: true, message: t('offices.revoke.reasonRequired') },
            { max: REASON_MAX },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            placeholder={t('offices.revoke.reasonPlaceholder')}
            data-testid="offices-revoke-reason"
          />
        </Form.Item>
      </Form>
      <ErrorAlert result={revoke} />
    </FormModal>
  );
}
