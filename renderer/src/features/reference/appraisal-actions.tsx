import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../shared/contracts/reference';
import { ErrorAlert } from '../../components/error-alert';
import { errorMessage } from '../../i18n/i18n';
import { useRefMutation } from './queries';

const APPRAISAL_MAX = 1000;
const SUBMIT = { 'data-testid': 'appraisal-form-submit' };

/**
 * Write, change or remove the appraisal (评价) of an inspector's work in one past round
 * (pool:setAppraisal; the core lets only a manager of that case do it).
 */
export function AppraisalActions({ round }: { round: Inspector['pastRounds'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ appraisal: string }>();
  const save = useRefMutation('pool:setAppraisal', () => {
    void message.success(t('editing.pool.appraisalSaved'));
    setOpen(false);
  });
  const remove = useRefMutation(
    'pool:setAppraisal',
    () => void message.success(t('editing.pool.appraisalRemoved')),
  );
  return (
    <Flex gap={4}>
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`appraisal-edit-${round.caseCode}`}
      >
        {t('editing.pool.appraisal')}
      </Button>
      {round.appraisal ? (
        <Popconfirm
          title={t('editing.pool.appraisalRemoveConfirm')}
          okText={t('common.remove')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove
              .mutateAsync({ memberId: round.memberId, appraisal: null })
              .catch((e: unknown) => void message.error(errorMessage(t, e)))
          }
        >
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.remove')}
            data-testid={`appraisal-remove-${round.caseCode}`}
          />
        </Popconfirm>
      ) : null}
      <Modal
        open={open}
        title={t('editing.pool.appraisalTitle', { round: round.roundName, caseCode: round.caseCode })}
        onCancel={() => !save.isPending && setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: save.isPending, ...SUBMIT }}
        destroyOnHidden
        afterClose={() => save.reset()}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ appraisal: round.appraisal ?? '' }}
          onFinish={(v) => save.mutate({ memberId: round.memberId, appraisal: v.appraisal.trim() })}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            name="appraisal"
            label={t('reference.fields.appraisal')}
            rules={[
              { required: true, whitespace: true, message: t('editing.pool.appraisalRequired') },
              { max: APPRAISAL_MAX, message: t('validation.maxLength', { max: APPRAISAL_MAX }) },
            ]}
          >
            <Input.TextArea
              rows={4}
              showCount
              maxLength={APPRAISAL_MAX}
              placeholder={t('editing.pool.appraisalPlaceholder')}
              data-testid="appraisal-form-text"
            />
          </Form.Item>
          <ErrorAlert result={save} />
        </Form>
      </Modal>
    </Flex>
  );
}
