import { useMutation } from '@tanstack/react-query';
import { App, Button, Divider, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTAKE_CHANNELS } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useCaseUsers, useRefreshAll } from '../common/case-data';
import { DateInput, todayText } from '../common/date-input';

interface Values {
  channel: (typeof INTAKE_CHANNELS)[number];
  receivedDate: string;
  realName: boolean;
  reporterName?: string;
  reporterUnit?: string;
  reporterContact?: string;
  summary: string;
  content: string;
  subjects?: string;
  ownerUserId?: string;
}

const BUTTONS = { optionType: 'button' } as const;
const DIVIDER = { titlePlacement: 'start' } as const;
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Registers one intake item; the reporter section shows only for a real-name report. */
export function IntakeForm({
  caseId,
  open,
  onClose,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const realName = Form.useWatch('realName', form);
  const users = useCaseUsers(caseId);
  const refresh = useRefreshAll();
  const create = useMutation({
    mutationFn: (v: Values) =>
      call('intake:create', {
        caseId,
        channel: v.channel,
        receivedDate: v.receivedDate,
        realName: v.realName,
        ...(v.realName
          ? {
              reporter: {
                name: optional(v.reporterName),
                unitOrAddress: optional(v.reporterUnit),
                contact: optional(v.reporterContact),
              },
            }
          : {}),
        summary: v.summary.trim(),
        content: v.content.trim(),
        subjects: (v.subjects ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((freeText) => ({ freeText })),
        ownerUserId: v.ownerUserId,
      }),
    onSuccess: (item) => {
      void message.success(`${t('intake.create')} ${item.number}`);
      refresh();
      onClose();
    },
  });
  const initialValues = { channel: 'letter', realName: false, receivedDate: todayText() };
  const required = { required: true, whitespace: true, message: t('intake.form.required') };

  return (
    <Modal
      open={open}
      title={t('intake.form.title')}
      width={720}
      destroyOnHidden
      onCancel={() => !create.isPending && onClose()}
      afterClose={() => {
        form.resetFields();
        create.reset();
      }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="intake-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => create.mutate(v)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="channel" label={t('intake.columns.channel')} rules={[required]}>
          <Radio.Group
            {...BUTTONS}
            data-testid="intake-form-channel"
            options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="receivedDate"
          label={t('intake.columns.receivedDate')}
          rules={[{ required: true, message: t('intake.form.required') }]}
        >
          <DateInput data-testid="intake-form-date" />
        </Form.Item>
        <Form.Item name="realName" label={t('intake.columns.realName')}>
          <Radio.Group
            data-testid="intake-form-real-name"
            options={[
              { value: false, label: t('intake.realNames.anonymous') },
              { value: true, label: t('intake.realNames.real') },
            ]}
          />
        </Form.Item>
        {realName ? (
          <>
            <Divider {...DIVIDER}>{t('intake.form.reporterSection')}</Divider>
            <Form.Item
              name="reporterName"
              label={t('intake.form.reporterName')}
              rules={[
                { ...required, message: t('intake.form.realNameNeedsIdentity') },
                { max: 60, message: t('validation.maxLength', { max: 60 }) },
              ]}
            >
              <Input data-testid="intake-form-reporter-name" />
            </Form.Item>
            <Form.Item
              name="reporterUnit"
              label={t('intake.form.reporterUnit')}
              rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="reporterContact"
              label={t('intake.form.reporterContact')}
              rules={[
                { ...required, message: t('intake.form.realNameNeedsIdentity') },
                { max: 100, message: t('validation.maxLength', { max: 100 }) },
              ]}
            >
              <Input data-testid="intake-form-reporter-contact" />
            </Form.Item>
            <Divider />
          </>
        ) : null}
        <Form.Item
          name="summary"
          label={t('intake.columns.summary')}
          extra={t('intake.form.summaryHint')}
          rules={[required, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}
        >
          <Input showCount maxLength={100} data-testid="intake-form-summary" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('intake.columns.content')}
          rules={[required, { max: 20000, message: t('validation.maxLength', { max: 20000 }) }]}
        >
          <Input.TextArea rows={4} data-testid="intake-form-content" />
        </Form.Item>
        <Form.Item name="subjects" label={t('intake.columns.subjects')} extra={t('intake.form.subjectsHint')}>
          <Input.TextArea rows={2} data-testid="intake-form-subjects" />
        </Form.Item>
        <Form.Item name="ownerUserId" label={t('intake.columns.owner')}>
          <Select
            allowClear
            placeholder={t('intake.form.ownerPlaceholder')}
            loading={users.isPending}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            data-testid="intake-form-owner"
          />
        </Form.Item>
        <ErrorAlert result={create} data-testid="intake-form-error" />
      </Form>
    </Modal>
  );
}
