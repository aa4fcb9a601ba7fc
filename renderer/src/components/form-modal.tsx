import type { FormInstance } from 'antd';
import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  open: boolean;
  title: ReactNode;
  width?: number;
  form: FormInstance;
  /** The save mutation: its pending state locks the modal, and it is reset when the modal closes. */
  save: { isPending: boolean; reset: () => void };
  onClose: () => void;
  /** data-testid of the save button. */
  submitTestId: string;
  children: ReactNode;
}

/**
 * A modal holding one form: cancel and save in the footer, save submits the form, the
 * modal cannot be dismissed while saving, and the form and the mutation's error are
 * cleared once it has closed, so the next opening starts clean.
 */
export function FormModal({
  open,
  title,
  width,
  form,
  save,
  onClose,
  submitTestId,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      destroyOnHidden
      onCancel={() => !save.isPending && onClose()}
      afterClose={() => {
        form.resetFields();
        save.reset();
      }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid={submitTestId}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {children}
    </Modal>
  );
}
